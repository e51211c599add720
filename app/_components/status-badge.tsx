import styles from "./status-badge.module.css";

// A status has the same colour on every page, whichever state machine it belongs to (order, line,
// offer, payout, invoice, audit…), so the colours are one table here instead of one per page.
const tones = {
  ok: styles.ok,
  warn: styles.warn,
  danger: styles.danger,
  info: styles.info,
  neutral: styles.neutral,
  closed: styles.closed,
};

const toneOfStatus: Record<string, keyof typeof tones> = {
  ACTIVE: "ok",
  APPROVED: "ok",
  ANALYZED: "ok",
  CONFIRMED: "ok",
  COMPLETED: "ok",
  DELIVERED: "ok",
  SHIPPED: "ok",
  PAID: "ok",
  SUCCEEDED: "ok",
  ANSWERED: "ok",
  PENDING_AUDIT: "warn",
  PENDING: "warn",
  PROCESSING: "warn",
  IN_PROGRESS: "warn",
  UPLOADED: "warn",
  ANALYZING: "warn",
  AWAITING_APPROVAL: "warn",
  AWAITING_PAYMENT: "warn",
  HELD: "warn",
  WAITING: "info",
  OPEN: "warn",
  PARTIALLY_REFUNDED: "warn",
  AWAITING_MATCH: "warn",
  APPROVED_WITH_CONDITIONS: "warn",
  COUNTERED: "warn",
  AWAITING_BUYER: "warn",
  expiring: "warn",
  SUSPENDED: "danger",
  REJECTED: "danger",
  FAILED: "danger",
  CANCELLED: "danger",
  UNMATCHED: "danger",
  DECLINED: "danger",
  expired: "danger",
  ACCEPTED: "info",
  IN_PRODUCTION: "info",
  QUALITY_CHECK: "info",
  OFFERED: "info",
  ISSUED: "info",
  VOID: "neutral",
  REFUNDED: "neutral",
  UPHELD: "neutral",
  WITHDRAWN: "closed",
  EXPIRED: "closed",
};

/** The class names of a pill coloured by `status`; without a status (or an unknown one) the pill is plain. */
export function badgeClass(status?: string): string {
  const tone = status === undefined ? undefined : toneOfStatus[status];
  const base = styles.badge ?? "";
  return tone ? `${base} ${tones[tone] ?? ""}` : base;
}
