import type { Database } from "../db/prisma";
import { formatDeadline } from "../dates/format-deadline";
import { AppError } from "../errors/app-error";
import type { DecisionRecord } from "../matching/list-match-decisions";
import { offerRejectReasons } from "../matching/offer-reject-reasons";
import { formatEuros } from "../money/format-euros";
import { processLabel } from "../catalogue/catalogue-labels";
import { payoutHeldReasonForOperations } from "../payouts/payout-held-reason-for-operations";

export type HistoryEventKind =
  "status" | "match" | "offer" | "payment" | "refund" | "invoice" | "payout" | "complaint" | "message";

/** One entry of an order's history, ready to show: what happened, to which line, by whom, and details. */
export interface HistoryEvent {
  key: string;
  at: Date;
  kind: HistoryEventKind;
  /** The line's part file name; null for the order as a whole. */
  line: string | null;
  summary: string;
  actor: string | null;
  details: string[];
  /** Longer text to expand (an e-mail's body). */
  body: string | null;
  /** A match decision's best candidates (with their score factors) and first skipped suppliers. */
  candidates: DecisionRecord["ranked"];
  skipped: { name: string; reason: string; rule?: string }[];
  /** For a match decision: the weights, the skips by rule and how many partners lack the process. */
  decision:
    | (Pick<DecisionRecord, "weights" | "skippedByRule" | "notOfferingProcess"> & {
        processName: string;
      })
    | null;
}

export interface LineOffer {
  id: string;
  supplierCompanyId: string;
  supplier: string;
  status: string;
  rank: number;
  score: number;
  supplierPriceCents: number;
  createdAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  /** Why it was rejected or withdrawn. */
  why: string | null;
  offeredBy: string | null;
}

const kindOrder: HistoryEventKind[] = [
  "status",
  "match",
  "offer",
  "invoice",
  "payment",
  "refund",
  "complaint",
  "payout",
  "message",
];
const candidatesShown = 5;
/** "Thu 12 Dec, 14:30" in Germany's time, like the pages' formatMoment. */
const berlinMoment = { format: formatDeadline };
const statusLabel = (status: string | null) => (status ? status.toLowerCase().replaceAll("_", " ") : "new");
const rejectReason = (reason: string | null) =>
  reason ? (offerRejectReasons[reason as keyof typeof offerRejectReasons] ?? reason) : null;

/**
 * An order's history for operations, merged oldest first: order and line status changes with who made
 * them, the matcher's decisions, offers, invoices, payments, refunds, complaints, payouts and every
 * e-mail about the order (those naming its number, one of its offers or one of its lines). Also each
 * line's offers, for the per-line table. Three queries.
 */
export async function loadOrderHistory(db: Database, orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      statusChanges: { include: { actor: { select: { name: true } } } },
      lines: {
        include: {
          part: { select: { originalFileName: true } },
          offers: {
            orderBy: { createdAt: "asc" },
            include: { supplierCompany: { select: { name: true } }, offeredBy: { select: { name: true } } },
          },
          matchDecisions: { orderBy: { createdAt: "asc" } },
          complaints: { include: { createdBy: { select: { name: true } } } },
        },
      },
      payments: { include: { refunds: true } },
      invoices: { include: { company: { select: { name: true } } } },
      payouts: { include: { supplierCompany: { select: { name: true } } } },
    },
  });
  if (!order) throw new AppError("not_found", "There is no such order.");

  const offerIds = order.lines.flatMap((line) => line.offers.map((offer) => offer.id));
  const chosenIds = [
    ...new Set(
      order.lines.flatMap((line) => line.matchDecisions.flatMap((d) => d.chosenSupplierCompanyId ?? [])),
    ),
  ];
  const [messages, chosen] = await Promise.all([
    db.outboxEmail.findMany({
      where: {
        createdAt: { gte: order.createdAt },
        OR: [
          { subject: { contains: order.number } },
          { text: { contains: order.number } },
          ...offerIds.map((id) => ({ text: { contains: id } })),
          ...order.lines.map((line) => ({ text: { contains: `/jobs/${line.id}` } })),
        ],
      },
      orderBy: { createdAt: "asc" },
      take: 200,
    }),
    db.company.findMany({ where: { id: { in: chosenIds } }, select: { id: true, name: true } }),
  ]);

  const partOf = new Map(order.lines.map((line) => [line.id, line.part.originalFileName]));
  const events: HistoryEvent[] = [];
  const push = (
    event: Omit<HistoryEvent, "actor" | "details" | "body" | "candidates" | "skipped" | "decision"> &
      Partial<HistoryEvent>,
  ) =>
    events.push({
      actor: null,
      details: [],
      body: null,
      candidates: [],
      skipped: [],
      decision: null,
      ...event,
    });

  for (const change of order.statusChanges)
    push({
      key: `status-${change.id}`,
      at: change.createdAt,
      kind: "status",
      line: change.orderLineId ? (partOf.get(change.orderLineId) ?? null) : null,
      summary: `${change.orderLineId ? "Line" : "Order"} ${statusLabel(change.fromStatus)} → ${statusLabel(change.toStatus)}`,
      actor: change.actor?.name ?? (change.actorUserId ? "a former user" : "the platform"),
      details: change.note ? [change.note] : [],
    });

  for (const line of order.lines) {
    const part = line.part.originalFileName;
    for (const decision of line.matchDecisions) {
      const record = decision.candidates as unknown as Partial<DecisionRecord>;
      const chosenName = chosen.find((company) => company.id === decision.chosenSupplierCompanyId)?.name;
      const rankedCount = record.rankedCount ?? record.ranked?.length ?? 0;
      const skippedCount = Object.values(record.skippedByRule ?? {}).reduce((sum, n) => sum + n, 0);
      push({
        key: `match-${decision.id}`,
        at: decision.createdAt,
        kind: "match",
        line: part,
        summary: `Matcher (${decision.trigger || "matched"}): ${chosenName ? `chose ${chosenName}` : "nobody can take it"}`,
        actor: decision.trigger === "operations" ? "operations" : "the matcher",
        details: [
          `${rankedCount} candidate${rankedCount === 1 ? "" : "s"} ranked, ${skippedCount || record.skipped?.length || 0} skipped`,
        ],
        candidates: (record.ranked ?? []).slice(0, candidatesShown),
        skipped: (record.skipped ?? []).map((entry) => ({
          name: entry.name,
          reason: entry.reason,
          rule: entry.rule,
        })),
        decision: {
          weights: record.weights,
          skippedByRule: record.skippedByRule,
          notOfferingProcess: record.notOfferingProcess ?? 0,
          processName: processLabel(line.process),
        },
      });
    }
    for (const offer of line.offers) {
      const why = offerWhy(offer);
      push({
        key: `offer-${offer.id}`,
        at: offer.createdAt,
        kind: "offer",
        line: part,
        summary: `Offered to ${offer.supplierCompany.name} for ${formatEuros(offer.supplierPriceCents)}: ${statusLabel(offer.status)}`,
        actor: offer.offeredBy ? offer.offeredBy.name : "the matcher",
        details: [
          `rank ${offer.rank}, score ${offer.score.toFixed(3)}`,
          offer.status === "WITHDRAWN"
            ? "withdrawn before an answer"
            : offer.respondedAt
              ? `answered ${berlinMoment.format(offer.respondedAt)}`
              : `deadline ${berlinMoment.format(offer.expiresAt)}`,
          ...(why ? [why] : []),
        ],
      });
    }
    for (const complaint of line.complaints) {
      push({
        key: `complaint-${complaint.id}`,
        at: complaint.createdAt,
        kind: "complaint",
        line: part,
        summary: "Complaint filed",
        actor: complaint.createdBy.name,
        details: [],
        body: complaint.text,
      });
      if (complaint.decidedAt)
        push({
          key: `complaint-decided-${complaint.id}`,
          at: complaint.decidedAt,
          kind: "complaint",
          line: part,
          summary: `Complaint ${statusLabel(complaint.status)}`,
          actor: "operations",
          details: complaint.resolution ? [complaint.resolution] : [],
        });
    }
  }

  for (const invoice of order.invoices)
    push({
      key: `invoice-${invoice.id}`,
      at: invoice.issuedAt,
      kind: "invoice",
      line: null,
      summary: `${invoice.kind === "CREDIT_NOTE" ? "Credit note" : invoice.kind === "SELF_BILLING" ? "Self-billing invoice" : "Invoice"} ${invoice.number} to ${invoice.company.name}: ${formatEuros(invoice.totalCents)}`,
      details: [
        `${statusLabel(invoice.status)}${invoice.paidAt ? `, paid ${berlinMoment.format(invoice.paidAt)}` : ""}`,
      ],
    });
  for (const payment of order.payments) {
    push({
      key: `payment-${payment.id}`,
      at: payment.createdAt,
      kind: "payment",
      line: null,
      summary: `${payment.method === "CARD" ? "Card payment" : "Invoice payment"} of ${formatEuros(payment.amountCents)}: ${statusLabel(payment.status)}`,
    });
    for (const refund of payment.refunds)
      push({
        key: `refund-${refund.id}`,
        at: refund.createdAt,
        kind: "refund",
        line: null,
        summary: `Refund of ${formatEuros(refund.amountCents)}: ${statusLabel(refund.status)}`,
        details: [refund.reason, ...(refund.failureReason ? [refund.failureReason] : [])],
      });
  }
  for (const payout of order.payouts)
    push({
      key: `payout-${payout.id}`,
      at: payout.createdAt,
      kind: "payout",
      line: partOf.get(payout.orderLineId) ?? null,
      summary: `Payout of ${formatEuros(payout.amountCents)} to ${payout.supplierCompany.name}: ${statusLabel(payout.status)}`,
      details: [
        payout.heldReason && payoutHeldReasonForOperations(payout.heldReason),
        payout.failureReason,
      ].filter((text): text is string => Boolean(text)),
    });
  for (const message of messages)
    push({
      key: `message-${message.id}`,
      at: message.createdAt,
      kind: "message",
      line: null,
      summary: message.subject,
      actor: null,
      details: [`to ${message.toAddress}`],
      body: message.text,
    });

  events.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      a.key.localeCompare(b.key),
  );

  const offersByLine = new Map<string, LineOffer[]>(
    order.lines.map((line) => [
      line.id,
      line.offers.map((offer) => ({
        id: offer.id,
        supplierCompanyId: offer.supplierCompanyId,
        supplier: offer.supplierCompany.name,
        status: offer.status,
        rank: offer.rank,
        score: offer.score,
        supplierPriceCents: offer.supplierPriceCents,
        createdAt: offer.createdAt,
        expiresAt: offer.expiresAt,
        respondedAt: offer.respondedAt,
        why: offerWhy(offer),
        offeredBy: offer.offeredBy?.name ?? null,
      })),
    ]),
  );
  return { events, offersByLine };
}

export type OrderHistory = Awaited<ReturnType<typeof loadOrderHistory>>;

function offerWhy(offer: {
  status: string;
  rejectReason: string | null;
  rejectNote: string | null;
  withdrawReason: string | null;
}): string | null {
  if (offer.status === "REJECTED")
    return [rejectReason(offer.rejectReason), offer.rejectNote].filter(Boolean).join(": ") || null;
  if (offer.status === "WITHDRAWN") return offer.withdrawReason;
  return null;
}
