import type { TransactionClient } from "../db/prisma";
import { appUrl } from "../env";
import { queueEmail } from "../notifications/queue-email";

export const passwordChangedSubject = "Your Instant Quote password was changed";

/** Tells the owner, in the change's transaction, so someone who took over the account cannot hide it. */
export async function queuePasswordChangedNotice(
  tx: TransactionClient,
  email: string,
  how: string,
  now: Date,
): Promise<void> {
  await queueEmail(tx, {
    to: email,
    subject: passwordChangedSubject,
    text: [
      `The password of your Instant Quote account ${email} was changed ${how} on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
      "If that was you, nothing more to do.",
      `If it was not you, reset your password at once: ${appUrl()}/forgot-password and tell us at the address in our imprint (${appUrl()}/imprint).`,
    ].join("\n\n"),
  });
}
