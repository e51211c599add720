import { z } from "zod";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { applyBankPayment, type AppliedBankPayment } from "./apply-bank-payment";

const assignSchema = z.object({
  orderNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^Q-\d{4}-\d{6,}$/, "Enter the order number, e.g. Q-2026-000123."),
});

/**
 * Operations assign a credit entry no reference matched to the order it pays, by the order's number:
 * it is then booked exactly as a matched one (paid, partly paid or with a surplus), in one transaction,
 * with the operator recorded on the entry and in the audit log.
 */
export async function assignBankEntry(
  db: Database,
  operator: { userId: string },
  entryId: string,
  input: unknown,
  now = new Date(),
): Promise<AppliedBankPayment & { orderNumber: string }> {
  const { orderNumber } = assignSchema.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "BankStatementEntry" WHERE "id" = ${entryId} FOR UPDATE`;
    const entry = await tx.bankStatementEntry.findUnique({ where: { id: entryId } });
    if (!entry) throw new AppError("not_found", "There is no such bank statement entry.");
    if (entry.outcome !== "UNMATCHED")
      throw new AppError("invalid_state_transition", "This payment is assigned already; reload the page.");
    const order = await tx.order.findUnique({ where: { number: orderNumber }, select: { id: true } });
    if (!order)
      throw new AppError("validation_failed", `There is no order ${orderNumber}: check the number.`, {
        field: "orderNumber",
      });
    await tx.bankStatementEntry.update({ where: { id: entryId }, data: { assignedById: operator.userId } });
    const applied = await applyBankPayment(tx, entry, order.id, operator.userId, now);
    return { ...applied, orderNumber };
  });
}
