import { requestPayout } from "./request-payout";
import { movePayouts } from "./move-payouts";
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
  await movePayouts(tx, {
    where: { id: { in: held.map((payout) => payout.id) } },
    from: ["HELD"],
    to: "PENDING",
    set: { method, heldReason: null },
  });
  if (method !== "STRIPE_TRANSFER") return [];
  for (const payout of held) await requestPayout(tx, payout.id);
  return held.map((payout) => payout.id);
}
