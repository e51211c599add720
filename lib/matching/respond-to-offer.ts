import { requestMatching } from "./request-matching";
import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { moveOrderLine } from "../orders/change-order-line-status";
import { moveOrder } from "../orders/move-order";
import { moveOffers } from "./move-offers";
import { offerRejectReasons } from "./offer-reject-reasons";
import { lockActiveSupplier } from "./lock-active-supplier";
import { refreshSupplierScore } from "./refresh-supplier-score";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { assertWithinProbationLimit } from "../probation/assert-within-probation-limit";
import { notPendingError } from "./offer-not-pending-error";

export interface OfferResponder {
  userId: string;
  companyId: string;
}

export const offerRejectionSchema = z
  .object({
    reason: z.enum(Object.keys(offerRejectReasons) as [keyof typeof offerRejectReasons]),
    note: z.string().trim().max(2000, "Keep the note under 2000 characters.").default(""),
  })
  .refine((value) => value.reason !== "OTHER" || value.note.length > 0, {
    message: "Say in a few words why you reject it.",
    path: ["note"],
  });

/**
 * Locks the offer's order line before the offer, in the order the matcher and operations' re-offers lock
 * them (line, then its offers), so an answer racing a re-offer waits instead of deadlocking.
 */
async function lockOfferLine(tx: TransactionClient, offerId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "OrderLine" WHERE "id" = (SELECT "orderLineId" FROM "Offer" WHERE "id" = ${offerId}) FOR UPDATE`;
}

/** The supplier's own pending offer, or not_found: another supplier's offer does not exist for it. */
async function lockOwnOffer(tx: TransactionClient, responder: OfferResponder, offerId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Offer" WHERE "id" = ${offerId} FOR UPDATE`;
  const offer = await tx.offer.findFirst({
    where: { id: offerId, supplierCompanyId: responder.companyId },
    include: { orderLine: { include: { order: true } } },
  });
  if (!offer) throw new AppError("not_found", "There is no such offer for your company.");
  return offer;
}

/**
 * The supplier accepts: the offer becomes ACCEPTED only while it is pending and before its deadline, the
 * line becomes ACCEPTED with this supplier, the reserved hours stay held for the job, and the order is in
 * progress. The offer row is locked and the update is conditional on PENDING, so an acceptance racing
 * the expiry job ends in exactly one of the two states.
 */
export async function acceptOffer(
  db: Database,
  responder: OfferResponder,
  offerId: string,
  now = new Date(),
) {
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      if (!(await lockActiveSupplier(tx, responder.companyId)))
        throw new AppError(
          "invalid_state_transition",
          "Your company is suspended and cannot take new jobs; talk to our operations team.",
        );
      await lockOfferLine(tx, offerId);
      const offer = await lockOwnOffer(tx, responder, offerId);
      if (offer.status === "PENDING")
        await assertWithinProbationLimit(tx, responder.companyId, offer.supplierPriceCents, "accept");
      const accepted = await moveOffers(tx, {
        where: { id: offer.id, expiresAt: { gt: now } },
        from: ["PENDING"],
        to: "ACCEPTED",
        set: { respondedAt: now },
      });
      if (accepted !== 1) throw notPendingError(offer, now);
      await moveOrderLine(tx, {
        orderLineId: offer.orderLineId,
        to: "ACCEPTED",
        actorUserId: responder.userId,
        note: "Accepted by the manufacturing partner",
        set: { supplierCompanyId: responder.companyId },
      });
      const order = offer.orderLine.order;
      // The first accepted line starts the order; later ones find it in progress already.
      const { status: orderStatus } = await tx.order.findUniqueOrThrow({
        where: { id: order.id },
        select: { status: true },
      });
      if (orderStatus === "CONFIRMED")
        await moveOrder(tx, { orderId: order.id, to: "IN_PROGRESS", actorUserId: responder.userId });
      await recordAuditLog(tx, {
        actorUserId: responder.userId,
        companyId: responder.companyId,
        action: "offer.accept",
        entityType: "Offer",
        entityId: offer.id,
        data: { orderLineId: offer.orderLineId },
      });
      await refreshSupplierScore(tx, responder.companyId, now);
      return { offerId: offer.id, orderLineId: offer.orderLineId };
    }),
  );
}

/**
 * The supplier rejects with a reason from the list (and a note, required for "other"): the offer becomes
 * REJECTED, its reserved hours are released, and the line waits for the next supplier (the caller asks
 * for matching once this has committed).
 */
export async function rejectOffer(
  db: Database,
  responder: OfferResponder,
  offerId: string,
  input: unknown,
  now = new Date(),
) {
  const rejection = offerRejectionSchema.parse(input);
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      await lockOfferLine(tx, offerId);
      const offer = await lockOwnOffer(tx, responder, offerId);
      const rejected = await moveOffers(tx, {
        where: { id: offer.id },
        from: ["PENDING"],
        to: "REJECTED",
        set: { respondedAt: now, rejectReason: rejection.reason, rejectNote: rejection.note || null },
      });
      if (rejected !== 1) throw notPendingError(offer, now);
      await releaseOfferCapacity(tx, offer.id, now);
      await moveOrderLine(tx, {
        orderLineId: offer.orderLineId,
        to: "AWAITING_MATCH",
        actorUserId: responder.userId,
        note: `Rejected by the partner: ${offerRejectReasons[rejection.reason]}`,
      });
      await recordAuditLog(tx, {
        actorUserId: responder.userId,
        companyId: responder.companyId,
        action: "offer.reject",
        entityType: "Offer",
        entityId: offer.id,
        data: { reason: rejection.reason, note: rejection.note },
      });
      await refreshSupplierScore(tx, responder.companyId, now);
      await requestMatching(tx, offer.orderLine.orderId, "offer rejected");
      return { offerId: offer.id, orderId: offer.orderLine.orderId, orderLineId: offer.orderLineId };
    }),
  );
}

/** Gives back the hours an offer held (rejected, expired or withdrawn). */
export async function releaseOfferCapacity(tx: TransactionClient, offerId: string, now: Date): Promise<void> {
  await tx.capacityReservation.updateMany({
    where: { offerId, releasedAt: null },
    data: { releasedAt: now },
  });
}

/**
 * Expires one offer whose deadline has passed, if it is still pending (conditional on PENDING and the
 * deadline, so it loses cleanly to an acceptance that came first): its hours are released and its line
 * waits for the next supplier. Returns whether it expired it.
 */
export async function expireOffer(db: Database, offerId: string, now = new Date()) {
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      await lockOfferLine(tx, offerId);
      await tx.$queryRaw`SELECT 1 FROM "Offer" WHERE "id" = ${offerId} FOR UPDATE`;
      const expired = await moveOffers(tx, {
        where: { id: offerId, expiresAt: { lte: now } },
        from: ["PENDING"],
        to: "EXPIRED",
      });
      if (expired !== 1) return null;
      const offer = await tx.offer.findUniqueOrThrow({
        where: { id: offerId },
        include: {
          orderLine: {
            select: {
              orderId: true,
              quantity: true,
              order: { select: { number: true } },
              part: { select: { originalFileName: true } },
            },
          },
        },
      });
      await releaseOfferCapacity(tx, offerId, now);
      await moveOrderLine(tx, {
        orderLineId: offer.orderLineId,
        to: "AWAITING_MATCH",
        note: "The partner did not answer in time",
      });
      await recordAuditLog(tx, {
        companyId: offer.supplierCompanyId,
        action: "offer.expire",
        entityType: "Offer",
        entityId: offerId,
      });
      await refreshSupplierScore(tx, offer.supplierCompanyId, now);
      await queueCompanyEmail(tx, offer.supplierCompanyId, {
        subject: "An offer expired without an answer",
        text: `You did not answer the offer of order ${offer.orderLine.order.number}, ${offer.orderLine.quantity} × ${offer.orderLine.part.originalFileName}, in time, so it has gone to another partner. Unanswered offers count as rejections in your scorecard.\n\n${appUrl()}/supplier/offers/${offerId}`,
      });
      return {
        offerId,
        orderId: offer.orderLine.orderId,
        orderLineId: offer.orderLineId,
        supplierCompanyId: offer.supplierCompanyId,
      };
    }),
  );
}
