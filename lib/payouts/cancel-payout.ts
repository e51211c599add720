import { movePayouts } from "./move-payouts";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { postLedgerEntries } from "../ledger/post-ledger-entries";

/**
 * Withholds a supplier's unpaid payout for good (e.g. an upheld complaint about its parts): the payout is
 * CANCELLED, its self-billing invoice VOID (the number stays used, so the series keeps no gap), and the
 * ledger gives the supplier's share back to the margin (a payout still waiting for the complaint window has
 * neither yet). A paid payout cannot be withdrawn this way.
 */
export async function cancelPayout(tx: TransactionClient, payoutId: string, reason: string): Promise<void> {
  const locked = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text FROM "Payout" WHERE "id" = ${payoutId} FOR UPDATE`;
  const status = locked[0]?.status;
  if (status === "CANCELLED") return;
  if (status !== "HELD" && status !== "PENDING" && status !== "FAILED" && status !== "WAITING")
    throw new AppError(
      "invalid_state_transition",
      "This payout has been paid; it cannot be withheld. Recover the amount from the partner instead.",
    );
  await movePayouts(tx, {
    where: { id: payoutId },
    from: [status],
    to: "CANCELLED",
    set: { heldReason: reason },
  });
  const payout = await tx.payout.findUniqueOrThrow({ where: { id: payoutId }, include: { invoice: true } });
  if (!payout.invoice) return;
  await tx.invoice.update({ where: { id: payout.invoice.id }, data: { status: "VOID" } });
  await postLedgerEntries(tx, {
    orderId: payout.orderId,
    orderLineId: payout.orderLineId,
    currency: payout.currency,
    sourceType: "SelfBillingCancellation",
    sourceId: payout.invoice.id,
    description: `Self-billing invoice ${payout.invoice.number} cancelled: ${reason}`,
    buyerCents: 0,
    vatCents: payout.invoice.vatCents,
    supplierCents: -payout.invoice.totalCents,
    marginCents: payout.invoice.netCents,
  });
}
