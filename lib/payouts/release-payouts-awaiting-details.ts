import type { TransactionClient } from "../db/prisma";
import { payoutHeldReasons, payoutMethodFor } from "./payout-method-for";

/**
 * Releases a supplier's payouts held for missing payout details once it has given them, with the method
 * it can now be paid by. Returns the ids of those to pay by Stripe transfer; manual transfers wait for
 * operations to send them.
 */
export async function releasePayoutsAwaitingDetails(
  tx: TransactionClient,
  companyId: string,
): Promise<string[]> {
  const company = await tx.company.findUniqueOrThrow({ where: { id: companyId } });
  const method = payoutMethodFor(company);
  if (!method) return [];
  const held = await tx.payout.findMany({
    where: { supplierCompanyId: companyId, status: "HELD", heldReason: payoutHeldReasons.missingDetails },
    select: { id: true },
  });
  if (held.length === 0) return [];
  await tx.payout.updateMany({
    where: { id: { in: held.map((payout) => payout.id) }, status: "HELD" },
    data: { status: "PENDING", method, heldReason: null },
  });
  return method === "STRIPE_TRANSFER" ? held.map((payout) => payout.id) : [];
}
