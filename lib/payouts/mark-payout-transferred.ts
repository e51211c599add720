import { movePayouts } from "./move-payouts";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";

const transferSchema = z.object({
  reference: z
    .string({ error: "Enter the bank's reference of the transfer." })
    .trim()
    .min(3, "Enter the bank's reference of the transfer.")
    .max(140, "Keep the reference under 140 characters."),
});

/** Operations record a manual bank transfer they sent: the payout and its self-billing invoice are paid. */
export async function markPayoutTransferred(
  db: Database,
  operator: { userId: string },
  payoutId: string,
  input: unknown,
  now = new Date(),
): Promise<void> {
  const { reference } = transferSchema.parse(input);
  await db.$transaction(async (tx) => {
    const paid = await movePayouts(tx, {
      where: { id: payoutId, method: "MANUAL_TRANSFER" },
      from: ["PENDING"],
      to: "PAID",
      set: { paidAt: now, transferReference: reference },
    });
    if (paid !== 1)
      throw new AppError(
        "invalid_state_transition",
        "Only a pending bank-transfer payout can be marked as sent.",
      );
    const payout = await tx.payout.findUniqueOrThrow({ where: { id: payoutId } });
    if (payout.invoiceId)
      await tx.invoice.update({ where: { id: payout.invoiceId }, data: { status: "PAID", paidAt: now } });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: payout.supplierCompanyId,
      action: "payout.transferred",
      entityType: "Payout",
      entityId: payoutId,
      data: { reference },
    });
  });
}
