import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { badgeClass } from "@/app/_components/status-badge";
import factsStyles from "@/app/_components/facts.module.css";
import { requirePermission } from "@/lib/auth/require-permission";
import { roleLabels } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { loadCompanyInvoiceTerms } from "@/lib/invoice-terms/load-company-invoice-terms";
import { formatEuros } from "@/lib/money/format-euros";
import { applicationStatusLabels } from "../invoice-terms-labels";
import {
  ApproveInvoiceTermsForm,
  ChangeInvoiceTermsForm,
  DeclineInvoiceTermsForm,
  WithdrawInvoiceTermsForm,
} from "./invoice-terms-forms";
import styles from "./invoice-terms-company.module.css";
import { countryName } from "@/lib/documents/country-name";

export const metadata: Metadata = { title: "Invoice terms of a company" };

const doneSchema = z.enum(["approved", "declined", "changed", "withdrawn"]);
const notices: Record<z.infer<typeof doneSchema>, string> = {
  approved: "Approved: the company pays by invoice from now on. The applicant and its admins are e-mailed.",
  declined: "Declined: the applicant and the company's admins are e-mailed the reason.",
  changed: "The new terms are saved; the company's admins are e-mailed.",
  withdrawn: "Invoice terms withdrawn: new orders are paid in advance. The company's admins are e-mailed.",
};
const searchSchema = z.object({ done: doneSchema.optional().catch(undefined) });

/** One buyer's invoice terms for operations: its record, the pending application to decide, the current terms. */
export default async function OpsCompanyInvoiceTermsPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId } = await params;
  await requirePermission("ops.console", `/ops/invoice-terms/${companyId}`);
  const { done } = searchSchema.parse(await searchParams);
  const { company, standing, record, applications, pending, platformPaymentTermsDays } = await orNotFoundPage(
    loadCompanyInvoiceTerms(getPrisma(), companyId),
  );
  return (
    <>
      {done && (
        <div className="alert ok confirmation" role="status">
          {notices[done]}
        </div>
      )}
      <p>
        <Link href="/ops/invoice-terms">← Invoice terms</Link>
      </p>
      <h1>{company.name}</h1>
      <div className="card">
        <dl className={factsStyles.facts}>
          <dt>Customer since</dt>
          <dd>{formatMoment(company.createdAt)}</dd>
          <dt>Location</dt>
          <dd>{[company.city, countryName(company.countryCode)].filter(Boolean).join(", ")}</dd>
          <dt>VAT ID</dt>
          <dd>{company.vatNumber ?? "–"}</dd>
          <dt>Orders so far</dt>
          <dd data-testid="record-orders">
            {record.orders} ({formatEuros(record.orderedCents)})
          </dd>
          <dt>Invoices paid</dt>
          <dd>
            {record.paidInvoices} ({formatEuros(record.paidCents)})
          </dd>
          <dt>Invoices unpaid</dt>
          <dd>
            {record.unpaidInvoices} ({formatEuros(record.unpaidCents)})
            {record.overdueInvoices > 0 && <strong>, {record.overdueInvoices} overdue</strong>}
          </dd>
          <dt>Invoice terms</dt>
          <dd data-testid="current-terms">
            {standing.approved
              ? `${formatEuros(standing.creditLimitCents)} credit limit, ${standing.paymentTermsDays} days; ${formatEuros(standing.availableCents)} free`
              : "none: pays in advance"}
          </dd>
          <dt>Users</dt>
          <dd className={styles.users}>
            {company.users
              .map((user) => `${user.name} (${roleLabels[user.role]}, ${user.email})`)
              .join(" · ")}
          </dd>
        </dl>
      </div>

      {pending && (
        <section
          aria-labelledby="pending-heading"
          className={`card ${styles.section}`}
          data-testid="pending-application"
        >
          <h2 id="pending-heading">Application of {formatMoment(pending.createdAt)}</h2>
          <dl className={factsStyles.facts}>
            <dt>Applied by</dt>
            <dd>{pending.appliedBy ? `${pending.appliedBy.name} (${pending.appliedBy.email})` : "–"}</dd>
            <dt>Register</dt>
            <dd>
              {pending.registerNumber}, {pending.registerCourt}
            </dd>
            <dt>Expected per month</dt>
            <dd>{formatEuros(pending.expectedMonthlyVolumeCents)}</dd>
            <dt>Billing contact</dt>
            <dd>
              {pending.billingContactName}, {pending.billingContactEmail}
            </dd>
            {pending.note && (
              <>
                <dt>Note</dt>
                <dd className={styles.note}>{pending.note}</dd>
              </>
            )}
          </dl>
          <div className={styles.decision}>
            <ApproveInvoiceTermsForm
              companyId={company.id}
              applicationId={pending.id}
              platformTermsDays={platformPaymentTermsDays}
            />
            <DeclineInvoiceTermsForm companyId={company.id} applicationId={pending.id} />
          </div>
        </section>
      )}

      {standing.approved && (
        <section aria-labelledby="terms-heading" className={`card ${styles.section}`}>
          <h2 id="terms-heading">Current terms</h2>
          <div className={styles.decision}>
            <ChangeInvoiceTermsForm
              companyId={company.id}
              limitEuros={String(standing.creditLimitCents / 100)}
              termsDays={String(standing.paymentTermsDays)}
            />
            <WithdrawInvoiceTermsForm companyId={company.id} companyName={company.name} />
          </div>
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Applications</h2>
        {applications.length === 0 ? (
          <p className="muted">This company has not applied for invoice terms.</p>
        ) : (
          <StackTable columns={["Applied", "By", "Status", "Decided", "Limit · terms or reason"]}>
            {applications.map((application) => (
              <tr key={application.id}>
                <td data-label="Applied">{formatMoment(application.createdAt)}</td>
                <td data-label="By">{application.appliedBy?.name ?? "–"}</td>
                <td data-label="Status">
                  <span className={badgeClass(application.status)}>
                    {applicationStatusLabels[application.status]}
                  </span>
                </td>
                <td data-label="Decided">
                  {application.decidedAt
                    ? `${formatMoment(application.decidedAt)} by ${application.decidedBy?.name ?? "–"}`
                    : "–"}
                </td>
                <td data-label="Limit · terms or reason">
                  {application.status === "PENDING"
                    ? "–"
                    : application.status === "DECLINED"
                      ? application.declineReason
                      : `${formatEuros(application.creditLimitCents ?? 0)} · ${application.paymentTermsDays === null ? "platform's terms" : `${application.paymentTermsDays} days`}${application.withdrawnReason ? `; withdrawn: ${application.withdrawnReason}` : ""}`}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>
    </>
  );
}
