import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { formatEuros } from "../money/format-euros";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { moveOrderLine } from "../orders/change-order-line-status";
import { moveOrder } from "../orders/move-order";
import { moveOffers } from "../matching/move-offers";
import { requestMatching } from "../matching/request-matching";
import { releaseOfferCapacity } from "../matching/respond-to-offer";
import { replanLineCapacity } from "../matching/replan-line-capacity";
import { formatDay } from "@/lib/dates/format-day";

/** What settling needs of a locked counteroffer (the caller has locked its line and offer). */
export interface CounterofferToSettle {
  id: string;
  offerId: string;
  proposedPriceCents: number;
  offeredDeliveryDate: Date;
  proposedDeliveryDate: Date;
  /** The buyer's new net line price when the counteroffer raised it (docs/decisions/0047). */
  buyerNetCents?: number | null;
  offer: {
    supplierCompanyId: string;
    orderLineId: string;
    orderLine: { orderId: string; quantity: number; order: { id: string; number: string; status: string } };
  };
}

/**
 * Accepts a counteroffer inside the caller's transaction: the offer becomes ACCEPTED at the proposed price
 * (what the supplier's payout and self-billing invoice use), the line is the supplier's, and a later date
 * the buyer accepted becomes the line's delivery date (the date the supplier is measured against). The
 * reserved hours stay held. Conditional on the counteroffer still awaiting a decision.
 */
export async function acceptCounteroffer(
  tx: TransactionClient,
  counteroffer: CounterofferToSettle,
  decision: { by: "rules" } | { by: "buyer"; userId: string },
  now: Date,
): Promise<void> {
  const { offer } = counteroffer;
  const decided = await tx.counteroffer.updateMany({
    where: { id: counteroffer.id, status: "AWAITING_BUYER" },
    data: {
      status: "ACCEPTED",
      acceptedAutomatically: decision.by === "rules",
      decidedAt: now,
      decidedById: decision.by === "buyer" ? decision.userId : null,
    },
  });
  if (decided.count !== 1)
    throw new AppError("invalid_state_transition", "This counteroffer was decided already.");
  const accepted = await moveOffers(tx, {
    where: { id: counteroffer.offerId },
    from: ["COUNTERED"],
    to: "ACCEPTED",
    set: { supplierPriceCents: counteroffer.proposedPriceCents },
  });
  if (accepted !== 1) throw new AppError("invalid_state_transition", "This offer was withdrawn meanwhile.");
  const laterDate = counteroffer.proposedDeliveryDate > counteroffer.offeredDeliveryDate;
  await moveOrderLine(tx, {
    orderLineId: offer.orderLineId,
    to: "ACCEPTED",
    actorUserId: decision.by === "buyer" ? decision.userId : undefined,
    note:
      decision.by === "buyer"
        ? `The buyer accepted the partner's counteroffer (delivery by ${formatDay(counteroffer.proposedDeliveryDate)}${counteroffer.buyerNetCents != null ? `, ${formatEuros(counteroffer.buyerNetCents)} net for the line` : ""})`
        : "Accepted: the partner's counteroffer is within the platform's margin rules",
    set: {
      supplierCompanyId: offer.supplierCompanyId,
      ...(laterDate ? { deliveryDate: counteroffer.proposedDeliveryDate } : {}),
    },
  });
  if (laterDate) await replanLineCapacity(tx, offer.orderLineId, now);
  const order = await tx.order.findUniqueOrThrow({
    where: { id: offer.orderLine.orderId },
    select: { status: true },
  });
  if (order.status === "CONFIRMED")
    await moveOrder(tx, {
      orderId: offer.orderLine.orderId,
      to: "IN_PROGRESS",
      actorUserId: decision.by === "buyer" ? decision.userId : undefined,
    });
  await recordAuditLog(tx, {
    actorUserId: decision.by === "buyer" ? decision.userId : undefined,
    companyId: offer.supplierCompanyId,
    action: "counteroffer.accept",
    entityType: "Counteroffer",
    entityId: counteroffer.id,
    data: { offerId: counteroffer.offerId, by: decision.by, priceCents: counteroffer.proposedPriceCents },
  });
  await queueCompanyEmail(tx, offer.supplierCompanyId, {
    subject: `Counteroffer accepted: order ${offer.orderLine.order.number}`,
    text: `Your counteroffer for order ${offer.orderLine.order.number} was accepted${decision.by === "buyer" ? " by the buyer" : ""}: the job is yours at ${formatEuros(counteroffer.proposedPriceCents)}, delivery by ${formatDay(counteroffer.proposedDeliveryDate)}. The CAD file is ready to download.\n\n${appUrl()}/supplier/jobs/${offer.orderLineId}`,
  });
}

/**
 * Declines a counteroffer (the buyer said no, or its deadline passed) inside the caller's transaction: its
 * reserved hours are released and the line goes back to the matcher. The offer stays COUNTERED, which the
 * matcher counts as this line's offer already made to the supplier (it did not want the original terms),
 * and which the supplier's record counts neither as a rejection nor an acceptance.
 */
export async function declineCounteroffer(
  tx: TransactionClient,
  counteroffer: CounterofferToSettle,
  decision: { by: "deadline" } | { by: "buyer"; userId: string },
  now: Date,
): Promise<void> {
  const { offer } = counteroffer;
  const decided = await tx.counteroffer.updateMany({
    where: { id: counteroffer.id, status: "AWAITING_BUYER" },
    data: {
      status: decision.by === "buyer" ? "DECLINED" : "EXPIRED",
      decidedAt: now,
      decidedById: decision.by === "buyer" ? decision.userId : null,
    },
  });
  if (decided.count !== 1)
    throw new AppError("invalid_state_transition", "This counteroffer was decided already.");
  await releaseOfferCapacity(tx, counteroffer.offerId, now);
  await moveOrderLine(tx, {
    orderLineId: offer.orderLineId,
    to: "AWAITING_MATCH",
    actorUserId: decision.by === "buyer" ? decision.userId : undefined,
    note:
      decision.by === "buyer"
        ? "The buyer declined the partner's counteroffer; the line goes to another partner"
        : "The buyer did not decide on the partner's counteroffer in time; declined, the line goes to another partner",
  });
  await recordAuditLog(tx, {
    actorUserId: decision.by === "buyer" ? decision.userId : undefined,
    companyId: offer.supplierCompanyId,
    action: decision.by === "buyer" ? "counteroffer.decline" : "counteroffer.expire",
    entityType: "Counteroffer",
    entityId: counteroffer.id,
    data: { offerId: counteroffer.offerId },
  });
  await queueCompanyEmail(tx, offer.supplierCompanyId, {
    subject: `Counteroffer declined: order ${offer.orderLine.order.number}`,
    text: `${decision.by === "buyer" ? "The buyer declined your counteroffer" : "The buyer did not accept your counteroffer in time, so it is declined"} for order ${offer.orderLine.order.number}; the job goes to another partner. A declined counteroffer does not count as a rejection in your scorecard.\n\n${appUrl()}/supplier`,
  });
  await requestMatching(tx, offer.orderLine.orderId, "counteroffer declined");
}

/** Ends the counteroffer of an offer that is being withdrawn (order cancelled, supplier suspended, re-offer). */
export async function withdrawCounteroffer(tx: TransactionClient, offerId: string, now: Date): Promise<void> {
  await tx.counteroffer.updateMany({
    where: { offerId, status: "AWAITING_BUYER" },
    data: { status: "WITHDRAWN", decidedAt: now },
  });
}

/** The include that loads a counteroffer the way the settle functions need it. */
export const counterofferToSettleInclude = {
  offer: {
    select: {
      supplierCompanyId: true,
      orderLineId: true,
      orderLine: {
        select: {
          orderId: true,
          quantity: true,
          order: {
            select: { id: true, number: true, status: true, buyerCompanyId: true, paymentMethod: true },
          },
        },
      },
    },
  },
} as const;
