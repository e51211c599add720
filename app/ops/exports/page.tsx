import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { lastMonth } from "@/lib/exports/dates/export-period";
import styles from "./exports.module.css";

export const metadata: Metadata = { title: "Exports" };

/**
 * Operations' downloads (issue 24, decision 0062): the DATEV posting batch for the tax adviser, the SEPA
 * file of the bank transfers to partners, and the orders of a period as CSV. Plain GET forms: the file
 * routes check the permissions themselves.
 */
export default async function OpsExportsPage() {
  await requirePermission("ops.console", "/ops/exports");
  const period = lastMonth(new Date());
  const pending = await getPrisma().payout.findMany({
    where: { status: "PENDING", method: "MANUAL_TRANSFER", currency: "EUR" },
    select: { amountCents: true, supplierCompany: { select: { bankIban: true } } },
  });
  const payable = pending.filter((payout) => payout.supplierCompany.bankIban);
  const payableEuros = payable.reduce((sum, payout) => sum + payout.amountCents, 0) / 100;
  /** A GET form asking for the period (the last month, to start with) of the file at `action`. */
  const periodForm = (idPrefix: string, action: string, download: string) => (
    <form method="get" action={action} className="form">
      <div className={styles.period}>
        <div className="field">
          <label htmlFor={`${idPrefix}-from`}>From</label>
          <input id={`${idPrefix}-from`} name="from" type="date" required defaultValue={period.from} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-to`}>To</label>
          <input id={`${idPrefix}-to`} name="to" type="date" required defaultValue={period.to} />
        </div>
      </div>
      <button type="submit">{download}</button>
    </form>
  );
  return (
    <>
      <h1>Exports</h1>
      <p className="muted">
        Files for the tax adviser, the bank and spreadsheets. Days are Berlin days; every download of the
        accounting files is in the audit log.
      </p>

      <section className={`card ${styles.exportCard}`} aria-labelledby="datev-heading">
        <h2 id="datev-heading">Invoices and credit notes for DATEV</h2>
        <p>
          Buyers&apos; invoices, credit notes and partners&apos; self-billing invoices issued in the period,
          as a DATEV posting batch (EXTF, SKR03, Windows-1252) the tax adviser imports. One fiscal year per
          file.
        </p>
        {periodForm("datev", "/api/v1/ops/exports/datev", "Download DATEV file")}
      </section>

      <section className={`card ${styles.exportCard}`} aria-labelledby="sepa-heading">
        <h2 id="sepa-heading">Bank transfers to partners (SEPA)</h2>
        {payable.length === 0 ? (
          <p className="muted">
            No bank transfer to a partner is waiting
            {pending.length > 0 ? ` that has an IBAN (${pending.length} without one)` : ""}.
          </p>
        ) : (
          <>
            <p>
              {payable.length} transfer{payable.length === 1 ? "" : "s"} waiting, {payableEuros.toFixed(2)} €
              in all
              {pending.length > payable.length
                ? `; ${pending.length - payable.length} more wait for an IBAN`
                : ""}
              . Upload the file (pain.001.001.09) to the platform&apos;s online banking, then record each
              transfer as sent on <Link href="/ops/payments">Payments</Link>: the download itself marks
              nothing as paid.
            </p>
            <a className="button" href="/api/v1/ops/exports/sepa-payouts" download>
              Download SEPA file
            </a>
          </>
        )}
      </section>

      <section className={`card ${styles.exportCard}`} aria-labelledby="orders-heading">
        <h2 id="orders-heading">Orders</h2>
        <p>
          Every order placed in the period, one row per line, with buyer and partner (CSV for spreadsheets).
        </p>
        {periodForm("orders", "/api/v1/ops/exports/orders", "Download orders CSV")}
      </section>
    </>
  );
}
