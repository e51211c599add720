import { withdrawCounteroffer } from "../counteroffers/settle-counteroffer";
import { moveOffers } from "../matching/move-offers";
import { creditCancelledBankPayments } from "../bank-transfers/credit-cancelled-bank-payments";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import type { UserRole } from "../db/generated/enums";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { releaseOfferCapacity } from "../matching/respond-to-offer";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { queueEmail } from "../notifications/queue-email";
import { refundOrder } from "../payments/refund-order";
import { moveOrderLine } from "../orders/change-order-line-status";
import { formatEuros } from "../money/format-euros";
import { moveOrder } from "../orders/move-order";
import { withTransactionRetry } from "../db/with-transaction-retry";

export interface OrderCanceller {
  userId: string;
  companyId: string;
  role: UserRole;
}

const reasonSchema = z
  .string({ error: "Say why the order is cancelled." })
  .trim()
  .min(3, "Say why the order is cancelled.")
  .max(500, "Keep the reason under 500 characters.");

/** Lines a supplier has started on: only operations cancel those (and pay the supplier what is fair). */
const startedStatuses = ["ACCEPTED", "IN_PRODUCTION", "QUALITY_CHECK"];

/**
 * Cancels an order that has shipped nothing: its open offers are withdrawn and their hours released, each
 * line and the order become CANCELLED, and the money goes back in the same transaction (a card refund to
 * send after commit, or a credit note for an invoice). A buyer may cancel until a supplier has accepted a
 * line; operations until something ships. Returns the refund to send, if any.
 */
export async function cancelOrder(
  db: Database,
  canceller: OrderCanceller,
  orderId: string,
  input: { reason: unknown },
  now = new Date(),
): Promise<{ refundId: string | null }> {
  const reason = reasonSchema.parse(input.reason);
  const isOperations = canceller.role === "OPERATIONS";
  if (!isOperations && !may(canceller.role, "order.cancel"))
    throw new AppError("forbidden", "A purchaser or an admin of your company cancels orders.");
  // Retried when PostgreSQL ends it for a deadlock with another path's locks: the retry reads afresh and
  // finds what the other transaction did (a line accepted meanwhile refuses a buyer's cancellation).
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      // The lines before the order, as an answer to an offer, a shipment and a delivery lock them (line,
      // its offer, then the order): a partner accepting at the same moment either commits first, and its
      // accepted line is read below, or waits for the cancellation and finds its offer withdrawn.
      await tx.$queryRaw`SELECT "id" FROM "OrderLine" WHERE "orderId" = ${orderId} ORDER BY "id" FOR UPDATE`;
      const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
      const order = locked.length
        ? await tx.order.findUnique({
            where: { id: orderId },
            include: {
              lines: {
                include: {
                  offers: {
                    where: {
                      OR: [
                        { status: { in: ["PENDING", "ACCEPTED"] } },
                        // A counteroffer waiting for the buyer is withdrawn with the order (decision 0039).
                        { status: "COUNTERED", counteroffer: { status: "AWAITING_BUYER" } },
                      ],
                    },
                  },
                },
              },
            },
          })
        : null;
      if (!order || (!isOperations && order.buyerCompanyId !== canceller.companyId))
        throw new AppError("not_found", "There is no such order.");
      if (order.status === "CANCELLED")
        throw new AppError("invalid_state_transition", "This order is cancelled already.");
      if (order.lines.some((line) => line.status === "SHIPPED" || line.status === "DELIVERED"))
        throw new AppError(
          "invalid_state_transition",
          "Parts of this order have shipped, so it cannot be cancelled; refund what is fair instead.",
        );
      if (!isOperations && order.lines.some((line) => startedStatuses.includes(line.status)))
        throw new AppError(
          "invalid_state_transition",
          "A manufacturing partner has started on this order; ask us to cancel it.",
        );
      const suppliersToTell = new Set<string>();
      const withdrawnOffers: { offerId: string; supplierCompanyId: string }[] = [];
      for (const line of order.lines) {
        for (const offer of line.offers) {
          await releaseOfferCapacity(tx, offer.id, now);
          if (offer.status === "PENDING" || offer.status === "COUNTERED") {
            await moveOffers(tx, {
              where: { id: offer.id },
              from: [offer.status],
              to: "WITHDRAWN",
              set: {
                withdrawnBy: isOperations ? "OPERATIONS" : "BUYER",
                withdrawReason: isOperations
                  ? "Order cancelled by operations"
                  : "Order cancelled by the buyer",
              },
            });
            await withdrawCounteroffer(tx, offer.id, now);
            withdrawnOffers.push({ offerId: offer.id, supplierCompanyId: offer.supplierCompanyId });
          } else suppliersToTell.add(offer.supplierCompanyId);
        }
        if (line.status !== "CANCELLED")
          await moveOrderLine(tx, {
            orderLineId: line.id,
            to: "CANCELLED",
            actorUserId: canceller.userId,
            note: reason,
          });
      }
      await tx.payment.updateMany({ where: { orderId, status: "PENDING" }, data: { status: "FAILED" } });
      // A direct debit still with the bank (decision 0029) is refunded in full if it arrives after all.
      const processingPayments = await tx.payment.count({ where: { orderId, status: "PROCESSING" } });
      await moveOrder(tx, {
        orderId,
        to: "CANCELLED",
        actorUserId: canceller.userId,
        note: reason,
        set: { cancelledAt: now },
      });
      const refund = await refundOrder(
        tx,
        { orderId, amountCents: null, reason: `Order cancelled: ${reason}`, requestedById: canceller.userId },
        now,
      );
      const bankCreditCents = await creditCancelledBankPayments(tx, orderId);
      await recordAuditLog(tx, {
        actorUserId: canceller.userId,
        companyId: order.buyerCompanyId,
        action: "order.cancelled",
        entityType: "Order",
        entityId: orderId,
        data: { reason, refundedCents: refund.amountCents, creditNote: refund.creditNoteNumber },
      });
      const placedBy = await tx.user.findUniqueOrThrow({
        where: { id: order.placedById },
        select: { email: true },
      });
      await queueEmail(tx, {
        to: placedBy.email,
        subject: `Order ${order.number} is cancelled`,
        text: [
          `Order ${order.number} is cancelled: ${reason}`,
          refund.amountCents === 0
            ? bankCreditCents > 0
              ? "No invoice was issued."
              : "Nothing was charged."
            : refund.refundId
              ? `We refund ${formatEuros(refund.amountCents)} to your card.`
              : `Credit note ${refund.creditNoteNumber} over ${formatEuros(refund.amountCents)} cancels the invoice.`,
          ...(bankCreditCents > 0
            ? [`We transfer the ${formatEuros(bankCreditCents)} you paid back to the account it came from.`]
            : []),
          ...(processingPayments > 0
            ? [
                "Your payment that is still processing at your bank is refunded in full if it arrives after all.",
              ]
            : []),
          `${appUrl()}/orders/${orderId}`,
        ].join("\n\n"),
      });
      for (const companyId of suppliersToTell)
        await queueCompanyEmail(tx, companyId, {
          subject: `Order ${order.number} is cancelled`,
          text: `The buyer's order ${order.number} is cancelled; stop work on it. Operations will contact you about work already done.\n\nYour jobs: ${appUrl()}/supplier/jobs`,
        });
      // A partner whose offer was still open is told too, and who withdrew it (issue 21).
      for (const withdrawn of withdrawnOffers)
        await queueCompanyEmail(tx, withdrawn.supplierCompanyId, {
          subject: isOperations
            ? `Offer withdrawn: order ${order.number} is cancelled`
            : `Offer withdrawn: the buyer cancelled order ${order.number}`,
          text: [
            isOperations
              ? `Our operations team cancelled order ${order.number}, so the job we offered you is withdrawn. You do not need to answer it; its hours are free again.`
              : `The buyer cancelled order ${order.number}, so the job we offered you is withdrawn. You do not need to answer it; its hours are free again.`,
            `${appUrl()}/supplier#offer-${withdrawn.offerId}`,
          ].join("\n\n"),
        });
      return { refundId: refund.refundId };
    }),
  );
}
