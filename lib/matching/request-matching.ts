import type { TransactionClient } from "../db/prisma";
import type { Prisma } from "../db/generated/client";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { followUpJobInsert } from "../jobs/follow-up-job-insert";

/**
 * In the transaction of a change that leaves lines waiting for a supplier (an order confirmed, an offer
 * rejected): the job that matches them, committed with the change (the scheduled run is the safety net).
 */
export async function requestMatching(
  tx: TransactionClient,
  orderId: string,
  trigger: string,
): Promise<void> {
  await enqueueJobs(tx, [followUpJob("matching.match-waiting-lines", { orderId, trigger })]);
}

/** In the transaction that made an offer: the job that expires it at its deadline if still pending then. */
export async function requestOfferExpiry(tx: TransactionClient, expiresAt: Date): Promise<void> {
  await enqueueJobs(tx, [followUpJob("offers.expire", {}, { startAfter: expiresAt })]);
}

/**
 * requestOfferExpiry's job as a fragment of the offer's own statement (write-offer.ts, decision 0123):
 * written with the offer, and only when `when` holds.
 */
export function offerExpiryJobInsert(expiresAt: Date, when: string): Promise<Prisma.Sql> {
  return followUpJobInsert(followUpJob("offers.expire", {}, { startAfter: expiresAt }), when);
}
