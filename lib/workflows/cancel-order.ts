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
  return db.$transaction(async (tx) => {
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
    for (const line of order.lines) {
      for (const offer of line.offers) {
        await releaseOfferCapacity(tx, offer.id, now);
        if (offer.status === "PENDING" || offer.status === "COUNTERED") {
          await moveOffers(tx, { where: { id: offer.id }, from: [offer.status], to: "WITHDRAWN" });
          await withdrawCounteroffer(tx, offer.id, now);
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
        text: `The buyer's order ${order.number} is cancelled; stop work on it. Operations will contact you about work already done.`,
      });
    return { refundId: refund.refundId };
  });
}
