import type { TransactionClient } from "../db/prisma";

export interface LedgerPosting {
  orderId: string;
  orderLineId?: string | null;
  currency: string;
  /** What caused it: one posting per source, so posting the same source again changes nothing. */
  sourceType: "Invoice" | "CreditNote" | "SelfBilling" | "SelfBillingCancellation";
  sourceId: string;
  description: string;
  /** Money from (or, negative, back to) the buyer. */
  buyerCents: number;
  /** VAT owed to the tax office: the buyer's VAT less the supplier's VAT the platform reclaims. */
  vatCents: number;
  /** Owed to (negative: no longer owed to) the supplier. */
  supplierCents: number;
  marginCents: number;
}

/**
 * Writes one balanced posting into the order's ledger inside the caller's transaction. Refuses a posting
 * whose buyer amount is not the sum of VAT, supplier and margin, so the ledger balances by construction
 * and the nightly check only has to compare it with payments, documents and Stripe.
 */
export async function postLedgerEntries(tx: TransactionClient, posting: LedgerPosting): Promise<void> {
  const { buyerCents, vatCents, supplierCents, marginCents } = posting;
  for (const cents of [buyerCents, vatCents, supplierCents, marginCents])
    if (!Number.isSafeInteger(cents)) throw new Error(`Ledger amounts are whole cents, not ${cents}.`);
  if (buyerCents !== vatCents + supplierCents + marginCents)
    throw new Error(
      `Unbalanced ledger posting for ${posting.sourceType} ${posting.sourceId}: buyer ${buyerCents} ≠ VAT ${vatCents} + partner ${supplierCents} + margin ${marginCents}.`,
    );
  const amounts = [
    ["BUYER", buyerCents],
    ["VAT", vatCents],
    ["SUPPLIER", supplierCents],
    ["MARGIN", marginCents],
  ] as const;
  await tx.ledgerEntry.createMany({
    data: amounts
      .filter(([, cents]) => cents !== 0)
      .map(([account, amountCents]) => ({
        orderId: posting.orderId,
        orderLineId: posting.orderLineId ?? null,
        account,
        amountCents,
        currency: posting.currency,
        sourceType: posting.sourceType,
        sourceId: posting.sourceId,
        description: posting.description,
      })),
    skipDuplicates: true,
  });
}
