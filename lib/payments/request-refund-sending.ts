import type { TransactionClient } from "../db/prisma";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";

/** In the transaction that recorded a card refund: the job that sends it to Stripe, committed with it. */
export async function requestRefundSending(tx: TransactionClient, refundId: string): Promise<void> {
  await enqueueJobs(tx, [followUpJob("payments.send-refunds", { refundId }, { singletonKey: refundId })]);
}
