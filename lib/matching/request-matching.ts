import { getJobQueue } from "../jobs/get-job-queue";
import { getLogger } from "../logging/logger";

/**
 * After a change that leaves lines waiting for a supplier has committed (an order confirmed, an offer
 * rejected): asks the worker to match them now. A queue that cannot be reached is logged, not the
 * user's problem: the scheduled matching run picks the lines up within a minute.
 */
export async function requestMatching(orderId: string, trigger: string): Promise<void> {
  try {
    await (await getJobQueue()).send("matching.match-waiting-lines", { orderId, trigger });
  } catch (error) {
    getLogger().warn({ err: error, orderId }, "could not ask for matching; the scheduled run does it");
  }
}

/** After an offer was made: asks the worker to expire it at its deadline if it is still pending then. */
export async function requestOfferExpiry(expiresAt: Date): Promise<void> {
  try {
    await (await getJobQueue()).send("offers.expire", {}, { startAfter: expiresAt });
  } catch (error) {
    getLogger().warn({ err: error }, "could not schedule the offer's expiry; the scheduled run does it");
  }
}
