import type { Database } from "../db/prisma";
import { runForEach } from "../jobs/run-for-each";
import { sendRefund, type SendRefundOutcome } from "./send-refund";

/**
 * The refund job: sends the given refund, or every pending one older than a minute (a request that was
 * interrupted; younger ones are probably still on their way).
 */
export async function sendPendingRefunds(
  db: Database,
  refundId?: string,
  now = new Date(),
): Promise<SendRefundOutcome[]> {
  const ids = refundId
    ? [refundId]
    : (
        await db.refund.findMany({
          where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - 60_000) } },
          orderBy: { createdAt: "asc" },
          take: 500,
          select: { id: true },
        })
      ).map((refund) => refund.id);
  return runForEach(ids, (id) => sendRefund(db, id, now), "refund");
}
