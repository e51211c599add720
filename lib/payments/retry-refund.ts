import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { requestRefund } from "./request-refund";
import { takeFailedRefund } from "./take-failed-refund";

/**
 * Operations try a failed card refund again (the reason was passing, e.g. the platform's Stripe balance):
 * a new PENDING refund of the same amount and reason, with a new idempotency key (Stripe keeps the failed
 * one under the old key), sent by the refund job; it follows the failed one up, once. Returns its id.
 */
export async function retryRefund(
  db: Database,
  operator: { userId: string },
  refundId: string,
): Promise<string> {
  return db.$transaction(async (tx) => {
    const failed = await takeFailedRefund(tx, refundId);
    const retry = await requestRefund(tx, {
      orderId: failed.payment.orderId,
      paymentId: failed.paymentId,
      amountCents: failed.amountCents,
      reason: failed.reason,
      complaintId: failed.complaintId,
      requestedById: operator.userId,
    });
    await tx.refund.update({
      where: { id: retry.id },
      data: { followsRefundId: failed.id, creditNoteId: failed.creditNoteId },
    });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: failed.payment.order.buyerCompanyId,
      action: "refund.retried",
      entityType: "Refund",
      entityId: failed.id,
      data: { retryRefundId: retry.id, amountCents: failed.amountCents },
    });
    return retry.id;
  });
}
