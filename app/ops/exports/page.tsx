import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { checkExportPeriod, periodExports, type PeriodExport } from "@/lib/exports/check-export-period";
import { lastMonth } from "@/lib/exports/dates/export-period";
import styles from "./exports.module.css";

export const metadata: Metadata = { title: "Exports" };

/**
 * Operations' downloads (issue 24, decision 0062): the DATEV posting batch for the tax adviser, the SEPA
 * file of the bank transfers to partners, and the orders of a period as CSV. The period forms are plain
 * GET forms to this page, which checks the days as the file's route will and sends a good request on to
 * the route (the browser downloads the file and stays here); a refusal (a period that ends before it
 * starts, longer than a year, across DATEV's fiscal years) shows on the form with the days as typed.
 */
export default async function OpsExportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("ops.console", "/ops/exports");
  const asked = askedExport(await searchParams);
  let refusal: string | undefined;
  if (asked) {
    const query = new URLSearchParams({ from: asked.from, to: asked.to });
    refusal =
      asked.kind === "datev" && !may(user.role, "ops.payments.manage")
        ? "Only operations staff who manage payments download the DATEV file: ask one of them."
        : refusalOf(() => checkExportPeriod(asked.kind, query));
    if (!refusal) redirect(`/api/v1/ops/exports/${asked.kind}?${query.toString()}`);
  }
  const period = lastMonth(new Date());
  const pending = await getPrisma().payout.findMany({
    where: { status: "PENDING", method: "MANUAL_TRANSFER", currency: "EUR" },
    select: { amountCents: true, supplierCompany: { select: { bankIban: true } } },
  });
  const payable = pending.filter((payout) => payout.supplierCompany.bankIban);
  const payableEuros = payable.reduce((sum, payout) => sum + payout.amountCents, 0) / 100;
  const periodFields = (kind: PeriodExport) => {
    const typed = asked?.kind === kind ? asked : period;
    const error = asked?.kind === kind ? refusal : undefined;
    return (
      <>
        {error && (
          <div className="alert error" role="alert" id={`${kind}-period-error`}>
            {error}
          </div>
        )}
        <input type="hidden" name="export" value={kind} />
        <div className={styles.period}>
          {periodEnds.map(({ name, label }) => (
            <div className="field" key={name}>
              <label htmlFor={`${kind}-${name}`}>{label}</label>
              <input
                id={`${kind}-${name}`}
                name={name}
                type="date"
                required
                defaultValue={typed[name]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${kind}-period-error` : undefined}
              />
            </div>
          ))}
        </div>
      </>
    );
  };
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
        <form method="get" action="/ops/exports" className="form">
          {periodFields("datev")}
          <button type="submit">Download DATEV file</button>
        </form>
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
        <form method="get" action="/ops/exports" className="form">
          {periodFields("orders")}
          <button type="submit">Download orders CSV</button>
        </form>
      </section>
    </>
  );
}

/** A period's two days, as the forms ask for them and the file routes read them. */
const periodEnds = [
  { name: "from", label: "From" },
  { name: "to", label: "To" },
] as const;

/** The export a period form asked for (`?export=datev&from=…&to=…`), with the days as typed. */
function askedExport(
  query: Record<string, string | string[] | undefined>,
): { kind: PeriodExport; from: string; to: string } | undefined {
  const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  const kind = periodExports.find((name) => name === query.export);
  return kind && { kind, from: text(query.from), to: text(query.to) };
}

/** The refusal of a check that throws an AppError, or undefined when it passes. */
function refusalOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
}
