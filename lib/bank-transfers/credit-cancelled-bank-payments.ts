import type { TransactionClient } from "../db/prisma";

/**
 * When an order is cancelled, inside the cancellation's transaction: every bank transfer it received
 * becomes a credit for operations to refund (what the order used joins the entry's open surplus), so money for a
 * cancelled prepayment order cannot be forgotten. Returns what is to be refunded, in cents.
 */
export async function creditCancelledBankPayments(tx: TransactionClient, orderId: string): Promise<number> {
  const entries = await tx.bankStatementEntry.findMany({
    where: { orderId, appliedCents: { gt: 0 } },
    select: { id: true, appliedCents: true, surplusCents: true, creditStatus: true },
  });
  let creditCents = 0;
  for (const entry of entries) {
    // A surplus operations already refunded or kept is done; what the order used is added to an open one.
    const openSurplusCents = entry.creditStatus === "OPEN" ? entry.surplusCents : 0;
    creditCents += openSurplusCents + entry.appliedCents;
    await tx.bankStatementEntry.update({
      where: { id: entry.id },
      data: { surplusCents: openSurplusCents + entry.appliedCents, creditStatus: "OPEN" },
    });
  }
  return creditCents;
}
