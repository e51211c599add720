import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";

/**
 * In a follow-up's transaction: the failed refund, locked so that two clicks cannot both follow it up
 * (the unique `followsRefundId` would refuse the second anyway), with its credit note released for the
 * follow-up to carry (a card refund that bounced after its credit note was issued).
 */
export async function takeFailedRefund(tx: TransactionClient, refundId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Refund" WHERE "id" = ${refundId} AND "status" = 'FAILED' FOR UPDATE`;
  const refund = locked.length
    ? await tx.refund.findUniqueOrThrow({
        where: { id: refundId },
        include: {
          followUp: { select: { id: true } },
          payment: { select: { orderId: true, order: { select: { buyerCompanyId: true } } } },
        },
      })
    : null;
  if (!refund) throw new AppError("invalid_state_transition", "Only a failed refund can be followed up.");
  if (refund.followUp)
    throw new AppError(
      "invalid_state_transition",
      "This failed refund has been followed up already: see the order's refunds.",
    );
  if (refund.creditNoteId) await tx.refund.update({ where: { id: refund.id }, data: { creditNoteId: null } });
  return refund;
}
