import { z } from "zod";
import { movePayouts } from "./move-payouts";
import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { formatEuros } from "../money/format-euros";
import { queueEmail } from "../notifications/queue-email";

const reversedTransferSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  amount_reversed: z.number().int().min(0),
  reversed: z.boolean(),
});

/**
 * `transfer.reversed` (also for a partial reversal): Stripe took money of a payout's transfer back from
 * the partner to the platform's balance. The payout records what was reversed (the ledger check compares
 * paid payouts less reversals with Stripe's transfers less reversals). The self-billing invoice still
 * stands, so the partner is still owed it and the ledger's partner account does not change: a fully
 * reversed payout becomes FAILED (its invoice unpaid again), for operations to pay again (retry) or
 * withhold (which voids the invoice and books it back in the ledger); a partial one stays PAID and
 * operations settle the difference. Operations are told either way. Returns null for a transfer that is
 * not a payout's current one, [] otherwise (an older or repeated event changes nothing).
 */
export async function recordTransferReversal(
  tx: TransactionClient,
  object: unknown,
  now: Date,
): Promise<[] | null> {
  const transfer = reversedTransferSchema.parse(object);
  const payout = await tx.payout.findUnique({
    where: { stripeTransferId: transfer.id },
    include: { supplierCompany: { select: { name: true } }, order: { select: { id: true, number: true } } },
  });
  if (!payout) return null;
  await tx.$queryRaw`SELECT "id" FROM "Payout" WHERE "id" = ${payout.id} FOR UPDATE`;
  const current = await tx.payout.findUniqueOrThrow({ where: { id: payout.id } });
  if (current.stripeTransferId !== transfer.id || transfer.amount_reversed <= current.amountReversedCents)
    return [];
  const fully = transfer.reversed || transfer.amount_reversed >= current.amountCents;
  const reversedNowCents = transfer.amount_reversed - current.amountReversedCents;
  await tx.payout.update({
    where: { id: current.id },
    data: { amountReversedCents: transfer.amount_reversed, reversedAt: now },
  });
  if (fully && current.status === "PAID") {
    await movePayouts(tx, {
      where: { id: current.id },
      from: ["PAID"],
      to: "FAILED",
      set: {
        paidAt: null,
        failureReason: `Stripe reversed the transfer ${transfer.id}: pay the partner again or withhold the payout.`,
      },
    });
    if (current.invoiceId)
      await tx.invoice.update({ where: { id: current.invoiceId }, data: { status: "ISSUED", paidAt: null } });
  }
  await recordAuditLog(tx, {
    action: "payout.transfer-reversed",
    companyId: current.supplierCompanyId,
    entityType: "Payout",
    entityId: current.id,
    data: {
      stripeTransferId: transfer.id,
      reversedCents: reversedNowCents,
      amountReversedCents: transfer.amount_reversed,
      fully,
    },
  });
  await queueEmail(tx, {
    to: getEnv().OPERATIONS_EMAIL,
    subject: `Transfer to ${payout.supplierCompany.name} reversed (order ${payout.order.number})`,
    text: [
      `Stripe reversed ${formatEuros(reversedNowCents)} of the transfer ${transfer.id} (${formatEuros(current.amountCents)}) for the payout on order ${payout.order.number}; ${formatEuros(transfer.amount_reversed)} is reversed in all and back on the platform's Stripe balance.`,
      fully
        ? "The partner's self-billing invoice is unpaid again and the payout is marked failed: retry it from the payments page to pay the partner again, or withhold it if the partner is not owed it any more."
        : `The partner keeps ${formatEuros(current.amountCents - transfer.amount_reversed)}. The self-billing invoice is for ${formatEuros(current.amountCents)}: pay the difference by bank transfer, or issue a corrected self-billing invoice.`,
      `${appUrl()}/ops/orders/${payout.order.id}`,
    ].join("\n\n"),
  });
  return [];
}
