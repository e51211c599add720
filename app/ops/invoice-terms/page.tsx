import type { Metadata } from "next";
import Link from "next/link";
import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { AmountCell } from "@/app/_components/amount-cell";
import { badgeClass } from "@/app/_components/status-badge";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import type { BuyerRecord } from "@/lib/invoice-terms/load-buyer-records";
import { listInvoiceTermsQueue } from "@/lib/invoice-terms/list-invoice-terms-queue";
import { formatEuros } from "@/lib/money/format-euros";
import { applicationStatusLabels } from "./invoice-terms-labels";

export const metadata: Metadata = { title: "Invoice terms" };
export const dynamic = "force-dynamic";

function companyLink(company: { id: string; name: string }) {
  return <Link href={`/ops/invoice-terms/${company.id}`}>{company.name}</Link>;
}

/** "3 orders, €4,210.00" and "2 paid · 1 unpaid (€1,190.00), 1 overdue". */
function recordCells(record: BuyerRecord) {
  return (
    <>
      <td data-label="Orders so far">
        {record.orders} {record.orders === 1 ? "order" : "orders"}
        {record.orders > 0 && <span className="muted">, {formatEuros(record.orderedCents)}</span>}
      </td>
      <td data-label="Invoices">
        {record.paidInvoices} paid · {record.unpaidInvoices} unpaid
        {record.unpaidInvoices > 0 && <span className="muted"> ({formatEuros(record.unpaidCents)})</span>}
        {record.overdueInvoices > 0 && <strong>, {record.overdueInvoices} overdue</strong>}
      </td>
    </>
  );
}

/** Operations' queue of applications for invoice terms, the companies that have them, and the latest decisions. */
export default async function OpsInvoiceTermsPage() {
  await requirePermission("ops.console", "/ops/invoice-terms");
  const { pending, approvedCompanies, decided } = await listInvoiceTermsQueue(getPrisma());
  return (
    <>
      <h1>Invoice terms</h1>
      <p className="muted">
        Buyers pay in advance until we approve invoice terms. Open an application to see the company&apos;s
        record and approve it with a credit limit and payment terms, or decline it with a reason the buyer
        reads.
      </p>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">
          Applications to decide <span className="muted">({pending.length})</span>
        </h2>
        {pending.length === 0 ? (
          <p className="muted">No application waits for a decision.</p>
        ) : (
          <StackTable
            columns={[
              "Company",
              "Applied",
              "Register",
              "Expected per month",
              "Orders so far",
              "Invoices",
              "",
            ]}
          >
            {pending.map((application) => (
              <tr key={application.id} data-testid="invoice-terms-application">
                <td data-label="Company">
                  {companyLink(application.company)}
                  <br />
                  <span className="muted">{application.appliedBy?.name ?? "–"}</span>
                </td>
                <td data-label="Applied">{formatMoment(application.createdAt)}</td>
                <td data-label="Register">
                  {application.registerNumber}
                  <br />
                  <span className="muted">{application.registerCourt}</span>
                </td>
                <AmountCell label="Expected per month" cents={application.expectedMonthlyVolumeCents} />
                {recordCells(application.record)}
                <td data-label="">
                  <Link href={`/ops/invoice-terms/${application.companyId}`} className="button secondary">
                    Decide
                  </Link>
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="approved-heading">
        <h2 id="approved-heading">
          Companies with invoice terms <span className="muted">({approvedCompanies.length})</span>
        </h2>
        {approvedCompanies.length === 0 ? (
          <p className="muted">No company pays by invoice yet.</p>
        ) : (
          <StackTable columns={["Company", "Credit limit", "Terms", "Orders so far", "Invoices"]}>
            {approvedCompanies.map((company) => (
              <tr key={company.id}>
                <td data-label="Company">{companyLink(company)}</td>
                <AmountCell label="Credit limit" cents={company.creditLimitCents} />
                <td data-label="Terms">
                  {company.paymentTermsDays === null ? "platform's" : `${company.paymentTermsDays} days`}
                </td>
                {recordCells(company.record)}
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="decided-heading">
        <h2 id="decided-heading">Latest decisions</h2>
        {decided.length === 0 ? (
          <p className="muted">No application has been decided yet.</p>
        ) : (
          <StackTable columns={["Company", "Decision", "By", "On", "Limit · terms or reason"]}>
            {decided.map((application) => (
              <tr key={application.id}>
                <td data-label="Company">{companyLink(application.company)}</td>
                <td data-label="Decision">
                  <span className={badgeClass(application.status)}>
                    {applicationStatusLabels[application.status]}
                  </span>
                </td>
                <td data-label="By">{application.decidedBy?.name ?? "–"}</td>
                <td data-label="On">{application.decidedAt ? formatMoment(application.decidedAt) : "–"}</td>
                <td data-label="Limit · terms or reason">
                  {application.status === "DECLINED"
                    ? application.declineReason
                    : application.status === "WITHDRAWN"
                      ? `Withdrawn: ${application.withdrawnReason ?? ""}`
                      : `${formatEuros(application.creditLimitCents ?? 0)} · ${application.paymentTermsDays === null ? "platform's terms" : `${application.paymentTermsDays} days`}`}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>
    </>
  );
}
