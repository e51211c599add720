import type { OrderLineStatus, PaymentMethod, PayoutStatus, VatIdStatus } from "../db/generated/enums";
import { ManufacturingProcess } from "../db/generated/enums";
import { auditStatusLabels } from "../audits/audit-status-labels";
import { roleLabels } from "../auth/roles";
import { processLabel } from "../catalogue/catalogue-labels";
import { certificateNames } from "../catalogue/certificate-names";
import { companyStatusLabels } from "../companies/company-status-labels";
import { formatEuros } from "../money/format-euros";
import { orderStatusLabels } from "../orders/order-status-labels";

/*
 * The words for the stored codes an audit entry's data holds (statuses, roles, processes, methods). Only
 * values known to be codes pass through here: what a person typed (a reason, a city, a note) is shown as
 * it was typed, case and all.
 */

const lineStatusWords: Record<OrderLineStatus, string> = {
  AWAITING_MATCH: "finding a partner",
  OFFERED: "offered to a partner",
  UNMATCHED: "no partner found",
  ACCEPTED: "accepted",
  IN_PRODUCTION: "in production",
  QUALITY_CHECK: "quality check",
  SHIPPED: "shipped",
  DELIVERED: "delivered",
  CANCELLED: "cancelled",
};

const paymentMethodWords: Record<PaymentMethod, string> = {
  CARD: "card",
  INVOICE: "invoice",
  BANK_TRANSFER: "bank transfer",
};

const payoutStatusWords: Record<PayoutStatus, string> = {
  PENDING: "due",
  HELD: "held",
  PAID: "paid",
  FAILED: "failed",
  CANCELLED: "cancelled",
  WAITING: "waiting for the complaint window",
};

const vatIdStatusWords: Record<VatIdStatus, string> = {
  CONFIRMED: "confirmed by VIES",
  TO_RECHECK: "to be checked again",
  NOT_VALID: "not valid",
};

const byCode: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(orderStatusLabels).map(([code, label]) => [code, label.toLowerCase()]),
  ),
  ...lineStatusWords,
  ...Object.fromEntries(
    Object.entries(companyStatusLabels).map(([code, label]) => [code, label.toLowerCase()]),
  ),
  ...Object.fromEntries(
    Object.entries(auditStatusLabels).map(([code, label]) => [code, label.toLowerCase()]),
  ),
  ...Object.fromEntries(Object.entries(roleLabels).map(([code, label]) => [code, label.toLowerCase()])),
  ...paymentMethodWords,
  ...payoutStatusWords,
  ...vatIdStatusWords,
  ...Object.fromEntries(
    Object.values(ManufacturingProcess).map((process) => [process, processLabel(process)]),
  ),
  ...Object.fromEntries(Object.entries(certificateNames).map(([code, name]) => [code, name])),
  OTHER: "other",
  STRIPE: "card (Stripe)",
  STRIPE_TRANSFER: "Stripe transfer",
};

/** A stored code in words ("UNMATCHED" → "no partner found"); an unknown code spelled out in lower case. */
export function codeWords(value: unknown): string {
  if (typeof value !== "string" || value === "") return "none";
  return byCode[value] ?? value.replaceAll(/[_-]/g, " ").toLowerCase();
}

/** A process code as its catalogue name; anything else as it is. */
export function processWords(value: unknown): string {
  return typeof value === "string" && value in ManufacturingProcess
    ? processLabel(value as ManufacturingProcess)
    : textOf(value);
}

/** Typed text as it was typed; empty, null and missing read "none". */
export function textOf(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(textOf).join(", ");
  if (typeof value === "object") return Object.values(value).map(textOf).join(", ");
  return String(value);
}

/** Cents as euros; null reads "none". */
export function eurosOf(value: unknown): string {
  return typeof value === "number" ? formatEuros(value) : "none";
}

/** "1 offer", "2 offers". */
export function countOf(value: unknown, noun: string): string {
  const count = Array.isArray(value) ? value.length : typeof value === "number" ? value : 0;
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
