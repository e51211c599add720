import type { TransactionClient } from "../db/prisma";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";

/** In the transaction that made a payout due by Stripe transfer: the job that pays it, committed with it. */
export async function requestPayout(tx: TransactionClient, payoutId: string): Promise<void> {
  await enqueueJobs(tx, [followUpJob("payouts.pay", { payoutId }, { singletonKey: payoutId })]);
}
