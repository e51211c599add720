import { requestRefundSending } from "./request-refund-sending";
import { randomUUID } from "node:crypto";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatEuros } from "../money/format-euros";
import { cardPaymentLeftCents } from "./refundable-cents";

export interface RefundRequest {
  orderId: string;
  /** The card payment to refund; by default the order's paid one with the most left to refund. */
  paymentId?: string;
  amountCents: number;
  reason: string;
  complaintId?: string | null;
  requestedById?: string | null;
}

/**
 * Records a card refund as PENDING inside the caller's transaction, with its own idempotency key; the
 * job that sends it to Stripe commits with it (`sendRefund`), and a sweep completes any whose request was
 * interrupted. Refuses more than is left of the payment after earlier and pending refunds.
 */
export async function requestRefund(tx: TransactionClient, request: RefundRequest) {
  if (!Number.isSafeInteger(request.amountCents) || request.amountCents <= 0)
    throw new AppError("validation_failed", "Enter an amount above zero to refund.", { field: "amount" });
  const payments = await tx.payment.findMany({
    where: { orderId: request.orderId, ...(request.paymentId && { id: request.paymentId }) },
    include: { refunds: { select: { status: true, amountCents: true, creditNoteId: true } } },
  });
  const refundable = payments
    .map((payment) => ({ payment, leftCents: cardPaymentLeftCents(payment) }))
    .sort((a, b) => b.leftCents - a.leftCents)[0];
  if (!refundable || refundable.leftCents <= 0)
    throw new AppError("invalid_state_transition", "Nothing is left to refund on this order's card payment.");
  if (request.amountCents > refundable.leftCents)
    throw new AppError(
      "validation_failed",
      `At most ${formatEuros(refundable.leftCents)} is left to refund on this order's card payment.`,
      { field: "amount" },
    );
  const refund = await tx.refund.create({
    data: {
      paymentId: refundable.payment.id,
      amountCents: request.amountCents,
      currency: refundable.payment.currency,
      reason: request.reason,
      complaintId: request.complaintId ?? null,
      requestedById: request.requestedById ?? null,
      idempotencyKey: `refund-${randomUUID()}`,
    },
  });
  await requestRefundSending(tx, refund.id);
  return refund;
}
