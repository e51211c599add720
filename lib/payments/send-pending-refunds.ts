import type { Database } from "../db/prisma";
import { runForEach } from "../jobs/run-for-each";
import { sendRefund, type SendRefundOutcome } from "./send-refund";

/**
 * The refund job: sends the given refund; or, as the sweep, every pending card refund older than a minute
 * (a request that was interrupted; younger ones are probably still on their way), and looks up those
 * Stripe has had for ten minutes or more without telling us the outcome (a webhook lost or not set up).
 */
export async function sendPendingRefunds(
  db: Database,
  refundId?: string,
  now = new Date(),
): Promise<SendRefundOutcome[]> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const ids = refundId
    ? [refundId]
    : (
        await db.refund.findMany({
          where: {
            status: "PENDING",
            method: "STRIPE",
            OR: [
              { stripeRefundId: null, createdAt: { lt: ago(60_000) } },
              { stripeRefundId: { not: null }, createdAt: { lt: ago(10 * 60_000) } },
            ],
          },
          orderBy: { createdAt: "asc" },
          take: 500,
          select: { id: true },
        })
      ).map((refund) => refund.id);
  return runForEach(ids, (id) => sendRefund(db, id, now), "refund");
}
