import type { Database, TransactionClient } from "../db/prisma";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";

/**
 * With the e-mails a change queued: the job that sends them now rather than at its next minute (without
 * SMTP: prints them in the server's console), committed with them, once per transaction. Called by
 * queueEmail.
 */
export async function requestEmailDelivery(db: Database | TransactionClient): Promise<void> {
  await enqueueJobs(db, [followUpJob("emails.deliver", {}, { singletonKey: "emails.deliver" })]);
}
