import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";

const settleSchema = z.object({
  decision: z.enum(["REFUNDED", "KEPT"], { error: "Choose whether the money was refunded or is kept." }),
  note: z
    .string()
    .trim()
    .min(3, "Say how it was refunded or why it is kept.")
    .max(300, "Keep the note under 300 characters."),
});

/**
 * Operations close a credit (money received beyond what an order needed, or for an order not waiting
 * for it): refunded by bank transfer to the payer, or kept (e.g. a few cents, or agreed with the buyer
 * against a next order). The note and the operator go into the audit log.
 */
export async function settleBankCredit(
  db: Database,
  operator: { userId: string },
  entryId: string,
  input: unknown,
  now = new Date(),
): Promise<void> {
  const { decision, note } = settleSchema.parse(input);
  await db.$transaction(async (tx) => {
    const settled = await tx.bankStatementEntry.updateMany({
      where: { id: entryId, creditStatus: "OPEN" },
      data: { creditStatus: decision, creditSettledById: operator.userId, creditSettledAt: now },
    });
    if (settled.count !== 1)
      throw new AppError("invalid_state_transition", "This credit is settled already; reload the page.");
    const entry = await tx.bankStatementEntry.findUniqueOrThrow({
      where: { id: entryId },
      select: { surplusCents: true, orderId: true, order: { select: { buyerCompanyId: true } } },
    });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: entry.order?.buyerCompanyId ?? null,
      action: decision === "REFUNDED" ? "bank-credit.refunded" : "bank-credit.kept",
      entityType: "BankStatementEntry",
      entityId: entryId,
      data: { surplusCents: entry.surplusCents, orderId: entry.orderId, note },
    });
  });
}
