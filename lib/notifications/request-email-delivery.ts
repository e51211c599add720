import { getJobQueue } from "../jobs/get-job-queue";
import { getLogger } from "../logging/logger";

/**
 * After a change that queued e-mails has committed: asks the worker to send them now rather than at
 * its next minute (without SMTP: prints them in the server's console now). A queue that cannot be
 * reached is logged, not the user's problem, since the scheduled run sends them anyway.
 */
export async function requestEmailDelivery(): Promise<void> {
  try {
    await (await getJobQueue()).send("emails.deliver", {}, { singletonKey: "emails.deliver" });
  } catch (error) {
    getLogger().warn({ err: error }, "could not ask for e-mail delivery; the scheduled run sends them");
  }
}
