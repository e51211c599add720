import type { Database, TransactionClient } from "../db/prisma";
import { appUrl, getEnv } from "../env";
import { requestEmailDelivery } from "./request-email-delivery";
import { hasPageLink } from "./email-page-link";
import { getLogger } from "../logging/logger";

export interface EmailMessage {
  to: string;
  subject: string;
  /** Plain text: every client shows it, and nothing in it can be mistaken for a tracking pixel. */
  text: string;
}

/**
 * Writes an e-mail into the outbox, inside the caller's transaction, so it exists exactly when the change
 * it reports does. With SMTP configured it waits there for `deliverPendingEmails`; without, the outbox
 * is where it ends (operations' page /dev/outbox shows it), and `sentAt` marks when it was printed in the
 * server's console for whoever runs a local install. Its delivery job commits with it.
 *
 * Every e-mail links to its page with an absolute address (issue 21, hasPageLink): outside production
 * one without is refused, so a test of the change that sends it fails; in production it is logged and
 * sent all the same, as the change it reports has happened.
 */
export async function queueEmail(db: Database | TransactionClient, message: EmailMessage): Promise<string> {
  if (!hasPageLink(message.text)) {
    const problem = `The e-mail "${message.subject}" has no link to its page (${appUrl()}/…).`;
    if (process.env.NODE_ENV !== "production") throw new Error(problem);
    getLogger().error({ subject: message.subject }, problem);
  }
  const smtp = Boolean(getEnv().SMTP_URL);
  const row = await db.outboxEmail.create({
    data: {
      toAddress: message.to.trim().toLowerCase(),
      subject: message.subject,
      text: message.text,
      transport: smtp ? "smtp" : "outbox",
    },
    select: { id: true },
  });
  await requestEmailDelivery(db);
  return row.id;
}
