import { formatMoment } from "@/app/_components/format-dates";
import type { InvoiceTermsStanding } from "@/lib/invoice-terms/load-invoice-terms-standing";
import { formatEuros } from "@/lib/money/format-euros";
import { InvoiceTermsApplicationForm } from "./invoice-terms-application-form";
import styles from "./invoice-terms.module.css";

/** Where the company stands with invoice terms, in one sentence for the buyer. */
function statusSentence(standing: InvoiceTermsStanding): { tone: "ok" | "warn" | "muted"; text: string } {
  const application = standing.latestApplication;
  if (standing.approved)
    return {
      tone: "ok",
      text: `Approved: a credit limit of ${formatEuros(standing.creditLimitCents)}, invoices due ${standing.paymentTermsDays} days after issue. Open invoices ${formatEuros(standing.openInvoiceCents)}, ${formatEuros(standing.availableCents)} free.`,
    };
  if (application?.status === "PENDING")
    return {
      tone: "warn",
      text: `Pending: your application of ${formatMoment(application.createdAt)} is being reviewed. We e-mail you the decision.`,
    };
  if (application?.status === "DECLINED")
    return {
      tone: "warn",
      text: `Declined${application.decidedAt ? ` on ${formatMoment(application.decidedAt)}` : ""}: ${application.declineReason ?? "no reason given"}. You can apply again below.`,
    };
  if (application?.status === "WITHDRAWN")
    return {
      tone: "warn",
      text: `Withdrawn${application.withdrawnAt ? ` on ${formatMoment(application.withdrawnAt)}` : ""}: ${application.withdrawnReason ?? "no reason given"}. You can apply again below.`,
    };
  return {
    tone: "muted",
    text: "Not applied for yet. Companies pay in advance until we approve invoice terms: tell us who you are and what you expect to order.",
  };
}

/**
 * The company's invoice terms: the status (none, pending, approved with limit and terms, declined or
 * withdrawn with the reason) and, when the company may apply and the user may send it, the application
 * form. On /account and below the checkout form (its invoice option links to `#invoice-terms`).
 */
export function InvoiceTermsApplication({
  standing,
  userMayApply,
  german,
  contactName,
  contactEmail,
  headingLevel = 2,
}: {
  standing: InvoiceTermsStanding;
  userMayApply: boolean;
  german: boolean;
  contactName: string;
  contactEmail: string;
  headingLevel?: 2 | 3;
}) {
  const status = statusSentence(standing);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section id="invoice-terms" aria-labelledby="invoice-terms-heading" data-testid="invoice-terms">
      <Heading id="invoice-terms-heading">Invoice terms</Heading>
      <p
        className={`${status.tone === "muted" ? "muted" : `alert ${status.tone}`} ${styles.status}`}
        data-testid="invoice-terms-status"
      >
        {status.text}
      </p>
      {standing.mayApply &&
        (userMayApply ? (
          <InvoiceTermsApplicationForm
            german={german}
            contactName={contactName}
            contactEmail={contactEmail}
          />
        ) : (
          <p className="hint">A purchaser or an admin of your company applies for invoice terms.</p>
        ))}
    </section>
  );
}
