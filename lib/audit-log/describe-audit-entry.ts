import { auditChecklistItems, auditCheckResults } from "../audits/audit-checklist";
import { offerRejectReasons } from "../matching/offer-reject-reasons";
import { roleLabels } from "../auth/roles";
import type { QualityDocumentKind, UserRole } from "../db/generated/enums";
import { qualityDocumentLabels } from "../quality-documents/quality-document-kinds";
import { carrierName } from "../shipments/carriers";
import { codeWords, countOf, eurosOf, processWords, textOf } from "./audit-value-words";
import { formatDay, formatIsoDay } from "../dates/format-day";
import { payoutHeldReasonForOperations } from "../payouts/payout-held-reason-for-operations";

type Data = Record<string, unknown>;
/** An audit-log entry as the renderer reads it. */
export interface AuditEntryLike {
  action: string;
  entityType?: string;
  data: unknown;
}

/**
 * "1 Dec 2027": the calendar day of a stored date ("2027-12-01", or the date part of a timestamp, which
 * the audited forms store at UTC midnight); anything else as text.
 */
const day = (value: unknown) => {
  const match = typeof value === "string" ? /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(value) : null;
  if (!match) return textOf(value);
  const date = new Date(`${match[1]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? textOf(value) : formatDay(date);
};
const hours = (value: unknown) => `${textOf(value)} h`;
/** "Production", "Partner admin": the team page's names for roles, not their codes. */
const roleWords = (value: unknown) => roleLabels[value as UserRole] ?? codeWords(value);
const withReason = (sentence: string, reason: unknown) =>
  reason ? `${sentence}, giving the reason “${textOf(reason)}”` : sentence;

/** "Weekly capacity for CNC milling changed from 120 h to 100 h; started offering SLS with 40 h a week". */
function describeProcesses(data: Data): string {
  type Row = { process: string; machineHoursPerWeek: number };
  const before = new Map(((data.from as Row[] | undefined) ?? []).map((row) => [row.process, row]));
  const after = new Map(((data.to as Row[] | undefined) ?? []).map((row) => [row.process, row]));
  const changes: string[] = [];
  for (const [process, row] of after) {
    const earlier = before.get(process);
    if (!earlier)
      changes.push(`Started offering ${processWords(process)} with ${hours(row.machineHoursPerWeek)} a week`);
    else if (earlier.machineHoursPerWeek !== row.machineHoursPerWeek)
      changes.push(
        `Weekly capacity for ${processWords(process)} changed from ${hours(earlier.machineHoursPerWeek)} to ${hours(row.machineHoursPerWeek)}`,
      );
  }
  for (const [process, row] of before)
    if (!after.has(process))
      changes.push(
        `Stopped offering ${processWords(process)} (had ${hours(row.machineHoursPerWeek)} a week)`,
      );
  if (typeof data.droppedMaterials === "number" && data.droppedMaterials > 0)
    changes.push(`${countOf(data.droppedMaterials, "material")} of those processes removed`);
  return changes.length > 0 ? changes.join("; ") : "Saved the processes and weekly capacity unchanged";
}

const locationFields: Record<string, { label: string; show: (value: unknown) => string }> = {
  addressLine: { label: "Address", show: textOf },
  postalCode: { label: "Postal code", show: textOf },
  city: { label: "City", show: textOf },
  region: { label: "Region", show: textOf },
  countryCode: { label: "Country", show: textOf },
  latitude: { label: "Latitude", show: textOf },
  longitude: { label: "Longitude", show: textOf },
  minOrderValueCents: { label: "Minimum order value", show: eurosOf },
  maxOrderValueCents: { label: "Maximum order value", show: eurosOf },
  vatNumber: { label: "VAT ID", show: textOf },
  taxNumber: { label: "Tax number", show: textOf },
  smallBusiness: { label: "Small business", show: textOf },
  vatIdStatus: { label: "VAT ID status", show: codeWords },
  creditLimitCents: { label: "Credit limit", show: eurosOf },
  paymentTermsDays: { label: "Payment terms", show: (value) => `${textOf(value)} days` },
  // save-bank-details.ts logs the IBAN's last four digits only, never the whole number.
  ibanLast4: {
    label: "IBAN",
    show: (value) => (typeof value === "string" && value ? `one ending in ${value}` : "none"),
  },
  accountHolder: { label: "Account holder", show: textOf },
  bic: { label: "BIC", show: textOf },
};

/** "City changed from Stuttgart to Esslingen; Minimum order value changed from €100.00 to €150.00". */
function describeFieldChanges(data: Data, what: string): string {
  const from = (data.from ?? {}) as Data;
  const to = (data.to ?? {}) as Data;
  const changes = Object.keys(to)
    .filter((key) => key in locationFields && String(from[key] ?? "") !== String(to[key] ?? ""))
    .map((key) => {
      const field = locationFields[key]!;
      return `${field.label} changed from ${field.show(from[key])} to ${field.show(to[key])}`;
    });
  return changes.length > 0 ? changes.join("; ") : `Saved the ${what} unchanged`;
}

function describeMaterials(data: Data): string {
  const from = new Set((data.from as string[] | undefined) ?? []);
  const to = new Set((data.to as string[] | undefined) ?? []);
  const added = [...to].filter((code) => !from.has(code));
  const removed = [...from].filter((code) => !to.has(code));
  const parts = [
    added.length > 0 ? `added ${added.join(", ")}` : "",
    removed.length > 0 ? `removed ${removed.join(", ")}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? `Materials changed: ${parts.join("; ")}` : "Saved the materials unchanged";
}

function describeChecklist(data: Data): string {
  const items = Object.entries(data)
    .filter(([key]) => key in auditChecklistItems)
    .map(([key, value]) => {
      const result = typeof value === "string" ? value : (value as { result?: string } | null)?.result;
      const words = auditCheckResults[result as keyof typeof auditCheckResults] ?? textOf(result);
      return `${auditChecklistItems[key as keyof typeof auditChecklistItems]}: ${words.toLowerCase()}`;
    });
  return items.length > 0 ? `Saved the audit checklist (${items.join("; ")})` : "Saved the audit checklist";
}

/**
 * One sentence per action recorded anywhere in the code (the test next to this file greps them all), so
 * that no page shows an action code or a data dump. What a person typed appears as typed.
 */
export const auditSentences: Record<string, (data: Data) => string> = {
  "company.registered": () => "Registered the company",
  "company.approval-limit": (d) => `Order approval limit changed from ${eurosOf(d.from)} to ${eurosOf(d.to)}`,
  "company.vat-id-rechecked": (d) =>
    `Checked VAT ID ${textOf(d.vatId)} again: ${codeWords(d.before)} before, ${codeWords(d.after)} now`,
  "user.created": (d) => `Created the ${codeWords(d.role)} user ${textOf(d.email)}`,
  "user.email_verified": (d) => `Confirmed the e-mail address ${textOf(d.email)}`,
  "user.password_changed": (d) =>
    `Changed the password and ended ${countOf(d.sessionsEnded, "other session")}`,
  "user.password_reset": (d) => `Reset the password and ended ${countOf(d.sessionsEnded, "session")}`,
  "team.invited": (d) => `Invited ${textOf(d.email)} as ${roleWords(d.role)}`,
  "team.joined": (d) => `Joined the team as ${roleWords(d.role)}`,
  "team.role-changed": (d) =>
    `Changed ${textOf(d.email)}'s role from ${roleWords(d.from)} to ${roleWords(d.to)} and ended ${countOf(d.sessionsEnded, "session")}`,
  "team.removed": (d) =>
    `Removed ${textOf(d.email)} (${roleWords(d.role)}) from the team and ended ${countOf(d.sessionsEnded, "session")}`,
  "team.invitation-withdrawn": (d) => `Withdrew the invitation of ${textOf(d.email)} as ${roleWords(d.role)}`,
  // Issue 24 (decision 0061): webhooks.
  "webhook.endpoint-created": (d) =>
    `Added the webhook endpoint ${textOf(d.url)} for ${Array.isArray(d.events) ? d.events.join(", ") : textOf(d.events)}`,
  "webhook.endpoint-revoked": (d) => `Deleted the webhook endpoint ${textOf(d.url)}`,
  "webhook.delivery-replayed": () => "Sent a webhook event again",
  "address.removed": () => "Removed an address",
  // Issue 24 (decision 0059): public API keys.
  "api_key.created": (d) =>
    `Created the API key ${textOf(d.name)} (${textOf(d.prefix)}…) with the scopes ${Array.isArray(d.scopes) ? d.scopes.join(", ") : textOf(d.scopes)}${typeof d.expiresOn === "string" ? `, valid until ${formatIsoDay(d.expiresOn)}` : ""}`,
  "api_key.revoked": (d) => `Revoked the API key ${textOf(d.name)} (${textOf(d.prefix)}…)`,
  // Issue 24 (i24-exports): the secret calendar feed address and the accounting exports.
  "calendar_feed.created": () =>
    "Created a new secret calendar feed address (an earlier one stopped working)",
  "calendar_feed.revoked": () => "Revoked the secret calendar feed address",
  "export.downloaded": (d) =>
    `Downloaded the ${textOf(d.format)} export${d.from ? ` of ${day(d.from)} to ${day(d.to)}` : ""} (${countOf(d.rows, "row")})`,
  "legal_document.published": (d) => `Published version ${textOf(d.version)} of the ${codeWords(d.kind)}`,
  "quote.shared": (d) => `Shared quote ${textOf(d.number)} by link, valid until ${day(d.expiresAt)}`,
  "supplier.processes": describeProcesses,
  "supplier.location": (d) => describeFieldChanges(d, "location and order values"),
  "supplier.materials": describeMaterials,
  "supplier.machine.add": (d) =>
    `Added ${textOf(d.count)} × ${textOf(d.name)} for ${processWords(d.process)}`,
  "supplier.machine.remove": (d) =>
    `Removed ${textOf(d.count)} × ${textOf(d.name)} for ${processWords(d.process)}`,
  "supplier.sheet-machine.add": (d) =>
    `Added the ${d.kind === "LASER" ? "laser" : "press brake"} ${textOf(d.name)}`,
  "supplier.sheet-machine.remove": (d) =>
    `Removed the ${d.kind === "LASER" ? "laser" : "press brake"} ${textOf(d.name)}`,
  "supplier.certificate.add": (d) =>
    `Added certificate ${codeWords(d.kind)} no. ${textOf(d.number)}, valid until ${day(d.validUntil)}`,
  "supplier.certificate.remove": (d) =>
    `Removed certificate ${codeWords(d.kind)} no. ${textOf(d.number)}, valid until ${day(d.validUntil)}`,
  "supplier.blocked-days.add": (d) =>
    withReason(
      d.from === d.to ? `Blocked ${day(d.from)}` : `Blocked ${day(d.from)} to ${day(d.to)}`,
      d.reason,
    ),
  "supplier.blocked-day.remove": (d) => withReason(`Unblocked ${day(d.day)}`, d.reason),
  "supplier.tax-details": (d) => describeFieldChanges(d, "tax details"),
  "supplier.suspend": (d) =>
    withReason(
      `Suspended the partner; ${countOf(d.withdrawnOffers, "open offer")} withdrawn, ${countOf(d.acceptedJobs, "accepted job")} kept`,
      d.reason,
    ),
  "supplier.reinstate": (d) => withReason("Reinstated the partner", d.reason),
  "supplier.probation.start": (d) =>
    `Put the partner on probation: jobs up to ${textOf(d.maxOrderValue)}, at most ${textOf(d.maxOpenJobs)} open jobs, conditions due by ${day(d.conditionsDueOn)}`,
  "supplier.probation.lift": (d) => withReason("Lifted the partner's probation", d.reason),
  "supplier.expiry-reminder": (d) => `Sent a reminder: ${textOf(d.subject)}`,
  "audit.open": (d) => `Opened an audit (${textOf(d.purpose)})`,
  "audit.checklist": describeChecklist,
  "audit.evidence": (d) =>
    `Added evidence ${textOf(d.fileName)}${d.description ? ` showing ${textOf(d.description)}` : ""}`,
  "audit.decide": (d) =>
    [
      `Decided the audit: ${codeWords(d.decision)}`,
      d.expiresOn ? `valid until ${day(d.expiresOn)}` : "",
      d.conditions ? `conditions “${textOf(d.conditions)}”` : "",
      d.note ? `note “${textOf(d.note)}”` : "",
    ]
      .filter(Boolean)
      .join("; "),
  "file.read": (d) => `Opened the file ${textOf(d.fileName)}`,
  "job.status": (d) => `Reported the job as ${codeWords(d.to)}`,
  "job.quality-document": (d) =>
    `Uploaded the ${qualityDocumentLabels[d.kind as QualityDocumentKind] ?? codeWords(d.kind)} ${textOf(d.fileName)}`,
  "job.shipment": (d) =>
    `Shipped ${textOf(d.quantity)} parts with ${carrierName(String(d.carrier ?? ""))}, tracking number ${textOf(d.trackingNumber)}${d.complete ? " (the last parcel)" : ""}`,
  "job.message": (d) =>
    d.thread === "BUYER" ? "Wrote in the buyer's message thread" : "Wrote in the partner's message thread",
  "offer.accept": () => "Accepted the offer",
  "offer.reject": (d) =>
    `Rejected the offer: ${offerRejectReasons[d.reason as keyof typeof offerRejectReasons] ?? codeWords(d.reason)}${d.note ? ` (“${textOf(d.note)}”)` : ""}`,
  "offer.expire": () => "Let the offer expire without an answer",
  "counteroffer.submit": (d) =>
    `Counteroffered ${eurosOf(d.proposedPriceCents)} (offered ${eurosOf(d.offeredPriceCents)}), delivery ${day(d.proposedDeliveryDate)} (asked ${day(d.offeredDeliveryDate)})${d.buyerNetCents != null ? `; the buyer is asked ${eurosOf(d.buyerNetCents)} net for the line instead of ${eurosOf(d.buyerPreviousNetCents)}` : ""}`,
  "counteroffer.decline": () =>
    "The buyer declined the partner's counteroffer; the line goes to another partner",
  "counteroffer.expire": () =>
    "The buyer did not decide on the partner's counteroffer in time; it was declined and the line goes to another partner",
  "counteroffer.payment-started": (d) =>
    `Started paying the price difference of ${eurosOf(d.amountCents)} for order ${textOf(d.orderNumber)} by card (attempt ${textOf(d.attempt)})`,
  "counteroffer.supplement-invoiced": (d) =>
    `Issued supplementary invoice ${textOf(d.invoiceNumber)} over ${eurosOf(d.differenceGrossCents)} for order ${textOf(d.orderNumber)}: the line now costs ${eurosOf(d.netCents)} net instead of ${eurosOf(d.previousNetCents)}${d.paid ? ", paid by card" : ""}`,
  "counteroffer.accept": (d) =>
    `Counteroffer of ${eurosOf(d.priceCents)} accepted ${d.by === "buyer" ? "by the buyer" : "within the platform's rules"}`,
  "offer.reoffer": (d) => `Operations offered the line for ${eurosOf(d.supplierPriceCents)}`,
  "order.placed": (d) =>
    `Placed order ${textOf(d.number)} over ${eurosOf(d.totalCents)}, paid by ${codeWords(d.paymentMethod)}`,
  "order.approve": () => "Approved the order",
  "order.decline": () => "Declined the order",
  "order.cancelled": (d) => withReason("Cancelled the order", d.reason),
  "order.refund": (d) => withReason(`Refunded ${eurosOf(d.amountCents)}`, d.reason),
  "order.prepayment-reminded": (d) => `Reminded the buyer of ${eurosOf(d.openCents)} still to pay`,
  "order-line.status": (d) => `Line moved from ${codeWords(d.from)} to ${codeWords(d.to)}`,
  "order-line.unmatched": (d) => `No partner could take the line (${countOf(d.skipped, "partner")} skipped)`,
  "order-line.rated": (d) => `Rated the parts ${textOf(d.stars)} of 5 stars`,
  "order-line.remake": (d) =>
    withReason(`Recorded a remake of ${textOf(d.quantity)} parts due ${day(d.deliveryDate)}`, d.reason),
  "order-line.delivery-confirmed": (d) =>
    d.automatic ? "Delivery confirmed automatically" : "Confirmed the delivery",
  "order-line.no-complaint-confirmed": () => "Confirmed there is no complaint",
  "complaint.filed": (d) => `Filed a complaint with ${countOf(d.photos, "photo")}`,
  "complaint.answered": (d) => `Answered the complaint with ${countOf(d.photos, "photo")}`,
  "complaint.decided": (d) =>
    `Decided the complaint: ${codeWords(d.decision)}${d.refundCents ? `, refunding ${eurosOf(d.refundCents)}` : ""}`,
  "manual-quote.requested": () => "Asked for a manual quote",
  "manual-quote.answered": (d) =>
    `Answered the manual quote at ${eurosOf(d.unitPriceCents)} a piece, delivery ${day(d.deliveryDate)}`,
  "manual-quote.declined": (d) => withReason("Declined the manual quote", d.reason),
  "invoice-terms.applied": () => "Applied for invoice terms",
  "invoice-terms.changed": (d) => withReason(describeFieldChanges(d, "invoice terms"), d.reason),
  "invoice-terms.withdrawn": (d) => withReason("Withdrew the invoice terms", d.reason),
  "invoice.paid": (d) =>
    `Marked the invoice paid on ${day(d.paidOn)}${d.reference ? ` (reference ${textOf(d.reference)})` : ""}`,
  "payment.checkout-started": (d) => `Started card checkout for ${eurosOf(d.amountCents)}`,
  "payment.processing": (d) => `Card payment of ${eurosOf(d.amountCents)} is processing`,
  "payment.succeeded": (d) => `Card payment of ${eurosOf(d.amountCents)} succeeded`,
  "payment.failed": (d) => `Card payment of ${eurosOf(d.amountCents)} failed`,
  "payment.amount-mismatch": (d) =>
    `Stripe reported ${eurosOf(d.reportedCents)} where ${eurosOf(d.expectedCents)} was due`,
  "bank-statement.imported": (d) => `Imported the bank statement ${textOf(d.fileName)}`,
  "bank-transfer.applied": (d) =>
    `Applied a bank transfer of ${eurosOf(d.amountCents)} (${eurosOf(d.appliedCents)} to the order)`,
  "bank-credit.refunded": () => "Refunded a bank credit to the buyer",
  "bank-credit.kept": () => "Kept a bank credit for the buyer",
  "refund.succeeded": (d) => `Refund of ${eurosOf(d.amountCents)} succeeded`,
  "refund.failed": (d) => withReason("Refund failed", d.reason),
  "refund.bounced": (d) => withReason(`Refund of ${eurosOf(d.amountCents)} bounced`, d.reason),
  "refund.retried": (d) => `Retried a refund of ${eurosOf(d.amountCents)}`,
  "refund.bank-transfer-recorded": (d) => `Recorded a refund of ${eurosOf(d.amountCents)} by bank transfer`,
  "payout.created": (d) =>
    d.heldReason
      ? `Created a payout of ${eurosOf(d.amountCents ?? d.netCents)}, held: ${payoutHeldReasonForOperations(textOf(d.heldReason))}`
      : `Created a payout of ${eurosOf(d.amountCents ?? d.netCents)}`,
  "payout.scheduled": (d) => `Scheduled a payout of ${eurosOf(d.amountCents)} for ${day(d.dueAt)}`,
  "payout.paid": (d) => `Paid out ${eurosOf(d.amountCents)} by Stripe transfer`,
  "payout.transferred": (d) => `Marked the payout transferred (reference ${textOf(d.reference)})`,
  "payout.failed": (d) => withReason("Payout failed", d.reason),
  "payout.retried": (d) => `Retried the payout by ${codeWords(d.method)}`,
  "payout.transfer-deferred": (d) => withReason("Payout transfer postponed", d.reason),
  "payout.transfer-reversed": () => "Stripe reversed the payout transfer",
  "payouts.bank-details": (d) => describeFieldChanges(d, "bank details"),
  "payouts.stripe-account-created": () => "Created the partner's Stripe account",
  "settings.pricing": (d) => withReason(`Saved pricing settings: ${textOf(d.summary)}`, d.reason),
  "settings.matching": (d) => withReason(`Saved matching settings: ${textOf(d.summary)}`, d.reason),
  "exception.owner": (d) =>
    d.to
      ? `Made ${textOf(d.toName)} the exception's owner${d.fromName ? ` instead of ${textOf(d.fromName)}` : ""}`
      : `Left the exception without an owner${d.fromName ? ` (was ${textOf(d.fromName)})` : ""}`,
  "exception.note": (d) =>
    !d.from
      ? `Wrote the exception's note “${textOf(d.to)}”`
      : !d.to
        ? `Cleared the exception's note (was “${textOf(d.from)}”)`
        : `Changed the exception's note from “${textOf(d.from)}” to “${textOf(d.to)}”`,
};

/** The entry as one sentence with a full stop; an action without a sentence says so without its code. */
export function describeAuditEntry(entry: AuditEntryLike): string {
  const data = entry.data && typeof entry.data === "object" ? (entry.data as Data) : {};
  const describe = auditSentences[entry.action];
  const sentence = describe ? describe(data) : "Recorded a change that has no description yet";
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
