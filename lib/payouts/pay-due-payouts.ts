import type { Database } from "../db/prisma";
import { runForEach } from "../jobs/run-for-each";
import { payPayout, type PayPayoutOutcome } from "./pay-payout";

/**
 * The payout job: pays the given payout, or sweeps every pending Stripe payout, which completes any whose
 * transfer was interrupted (the same idempotency key makes the retry safe) and any whose retry after a
 * balance refusal has come due (one waiting for its time is left alone).
 */
export async function payDuePayouts(
  db: Database,
  payoutId?: string,
  now = new Date(),
): Promise<PayPayoutOutcome[]> {
  const ids = payoutId
    ? [payoutId]
    : (
        await db.payout.findMany({
          where: {
            status: "PENDING",
            method: "STRIPE_TRANSFER",
            OR: [{ nextTransferAttemptAt: null }, { nextTransferAttemptAt: { lte: now } }],
          },
          orderBy: { createdAt: "asc" },
          take: 500,
          select: { id: true },
        })
      ).map((payout) => payout.id);
  return runForEach(ids, (id) => payPayout(db, id, now), "payout transfer");
}
