import type { PayoutStatus } from "../db/generated/enums";
import { supplierPriceCentsOf } from "../orders/supplier-price-of-line";

/**
 * What a payout row shows its partner as the amount: the payout's, once it has one; for a payout held
 * before its self-billing invoice (its amount is 0 until the invoice, so the ledger balances), what the
 * partner earns for the job, net, which its e-mail already said; else nothing yet (null).
 */
export function payoutAmountForSupplier(payout: {
  status: PayoutStatus;
  amountCents: number;
  invoice: unknown;
  orderLine: Parameters<typeof supplierPriceCentsOf>[0];
}): { cents: number; net: boolean } | null {
  if (payout.invoice || payout.amountCents > 0) return { cents: payout.amountCents, net: false };
  if (payout.status === "HELD") return { cents: supplierPriceCentsOf(payout.orderLine), net: true };
  return null;
}
