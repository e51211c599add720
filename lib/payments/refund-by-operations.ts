import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { refundOrder } from "./refund-order";
import { typedEuros } from "../money/typed-euros";

const refundSchema = z.object({
  // Typed in euros on the form, VAT included.
  amountEuros: z.preprocess(
    typedEuros,
    z
      .number({ error: "Enter the amount to refund in euros, VAT included, e.g. 59.50." })
      .min(0.01, "Enter an amount of at least 0.01 €."),
  ),
  reason: z
    .string({ error: "Say why the buyer gets money back." })
    .trim()
    .min(3, "Say why the buyer gets money back.")
    .max(500, "Keep the reason under 500 characters."),
});

/**
 * Operations give part of an order's money back (a goodwill refund, a price correction): by card refund
 * or credit note, recorded in the audit log. Returns the card refund to send after commit, if any.
 */
export async function refundByOperations(
  db: Database,
  operator: { userId: string },
  orderId: string,
  input: unknown,
  now = new Date(),
): Promise<{ refundId: string | null; creditNoteNumber: string | null }> {
  const { amountEuros, reason } = refundSchema.parse(input);
  const amountCents = Math.round(amountEuros * 100);
  return db.$transaction(async (tx) => {
    const outcome = await refundOrder(
      tx,
      { orderId, amountCents, reason, requestedById: operator.userId },
      now,
    );
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { buyerCompanyId: true },
    });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: order.buyerCompanyId,
      action: "order.refund",
      entityType: "Order",
      entityId: orderId,
      data: { amountCents, reason, refundId: outcome.refundId, creditNote: outcome.creditNoteNumber },
    });
    return { refundId: outcome.refundId, creditNoteNumber: outcome.creditNoteNumber };
  });
}
