import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";

const paidSchema = z.object({
  paidOn: z.iso.date({ error: "Enter the day the money arrived (YYYY-MM-DD)." }),
  reference: z.string().trim().max(140, "Keep the bank reference under 140 characters.").default(""),
});

/** Operations record that a buyer paid an invoice by bank transfer; it leaves the overdue list. */
export async function markInvoicePaid(
  db: Database,
  operator: { userId: string },
  invoiceId: string,
  input: unknown,
): Promise<void> {
  const { paidOn, reference } = paidSchema.parse(input);
  await db.$transaction(async (tx) => {
    const paid = await tx.invoice.updateMany({
      where: { id: invoiceId, kind: "BUYER_INVOICE", status: "ISSUED" },
      data: { status: "PAID", paidAt: new Date(`${paidOn}T12:00:00Z`) },
    });
    if (paid.count !== 1) throw new AppError("invalid_state_transition", "This invoice is not open.");
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: invoice.companyId,
      action: "invoice.paid",
      entityType: "Invoice",
      entityId: invoiceId,
      data: { paidOn, reference },
    });
  });
}
