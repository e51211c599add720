import { z } from "zod";
import { emailSchema } from "../companies/account-fields";
import type { Database } from "../db/prisma";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import { emailTokenValidHours, issueEmailToken } from "./issue-email-token";

/** "Forgot your password?" forms accepted per client address and hour, known address or not. */
export const passwordResetsPerAddressPerHour = 10;
/** Reset links sent to one account in an hour; more requests answer the same and send nothing. */
export const passwordResetLinksPerAccountPerHour = 3;
export const passwordResetSubject = "Reset your Instant Quote password";

const requestSchema = z.object({ email: emailSchema });

/**
 * "Forgot your password?": e-mails a one-time link (lib/account/issue-email-token.ts) when the address
 * has an enabled account, and does nothing else otherwise, so the answer, always `{ email }`, tells
 * nobody who has an account. Limited per client address (a refusal, the same for every address) and per
 * account (silently: a few links an hour for a slow inbox, no flood for an address someone else typed).
 */
export async function requestPasswordReset(
  db: Database,
  request: { input: unknown; ipAddress: string },
  now = new Date(),
): Promise<{ email: string }> {
  const { email } = requestSchema.parse(request.input);
  await db.$transaction(
    async (tx) => {
      // One lock per address: parallel requests from one address are counted one after another.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`password-reset:address:${request.ipAddress}`}, 0))`;
      const since = new Date(now.getTime() - 3_600_000);
      const recent = await tx.passwordResetAttempt.findMany({
        where: { ipAddress: request.ipAddress, createdAt: { gte: since } },
        orderBy: { createdAt: "desc" },
        take: passwordResetsPerAddressPerHour,
        select: { createdAt: true },
      });
      if (recent.length >= passwordResetsPerAddressPerHour) {
        const freeAt = recent.at(-1)!.createdAt.getTime() + 3_600_000;
        const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
        throw new AppError(
          "rate_limited",
          `Too many password reset requests from your network in the last hour. Try again in ${minutes} minute(s).`,
        );
      }
      await tx.passwordResetAttempt.create({ data: { ipAddress: request.ipAddress, createdAt: now } });

      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`password-reset:email:${email}`}, 0))`;
      const user = await tx.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
      if (!user || user.disabledAt) return;
      const linksThisHour = await tx.userEmailToken.count({
        where: { userId: user.id, purpose: "PASSWORD_RESET", createdAt: { gte: since } },
      });
      if (linksThisHour >= passwordResetLinksPerAccountPerHour) return;
      const token = await issueEmailToken(tx, user.id, "PASSWORD_RESET", now);
      const validMinutes = emailTokenValidHours.PASSWORD_RESET * 60;
      await queueEmail(tx, {
        to: email,
        subject: passwordResetSubject,
        text: [
          `Someone, perhaps you, asked to reset the password of the Instant Quote account ${email}.`,
          `Open this link within ${validMinutes} minutes to choose a new password (it works once):`,
          `${appUrl()}/reset-password/${token}`,
          "If it was not you, ignore this e-mail: your password stays as it is.",
        ].join("\n\n"),
      });
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  return { email };
}
