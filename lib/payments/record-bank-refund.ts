import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { completeRefund } from "./complete-refund";
import { takeFailedRefund } from "./take-failed-refund";

const bankRefundSchema = z.object({
  reference: z
    .string({ error: "Give the bank transfer's reference, as on the platform's bank statement." })
    .trim()
    .min(3, "Give the bank transfer's reference, as on the platform's bank statement.")
    .max(140, "Keep the reference under 140 characters."),
});

/**
 * Operations transferred a failed card refund's amount to the buyer's bank account themselves and record
 * it: a bank-transfer refund that follows the failed one up (once) and is done at once, with the credit
 * note (the bounced refund's, or a new one), the payment's refunded total and the buyer's e-mail.
 */
export async function recordBankRefund(
  db: Database,
  operator: { userId: string },
  refundId: string,
  input: unknown,
  now = new Date(),
): Promise<string> {
  const { reference } = bankRefundSchema.parse(input);
  return db.$transaction(async (tx) => {
    const failed = await takeFailedRefund(tx, refundId);
    const bank = await tx.refund.create({
      data: {
        paymentId: failed.paymentId,
        amountCents: failed.amountCents,
        currency: failed.currency,
        reason: failed.reason,
        complaintId: failed.complaintId,
        requestedById: operator.userId,
        idempotencyKey: `bank-refund-${failed.id}`,
        method: "BANK_TRANSFER",
        bankReference: reference,
        followsRefundId: failed.id,
        creditNoteId: failed.creditNoteId,
      },
    });
    await completeRefund(tx, bank.id, null, now);
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: failed.payment.order.buyerCompanyId,
      action: "refund.bank-transfer-recorded",
      entityType: "Refund",
      entityId: failed.id,
      data: { bankRefundId: bank.id, amountCents: failed.amountCents, reference },
    });
    return bank.id;
  });
}
