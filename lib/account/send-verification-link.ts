import type { Database } from "../db/prisma";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import { emailTokenValidHours, issueEmailToken } from "./issue-email-token";

/** Links a signed-in user may send themselves in an hour: enough for a slow inbox, no mail bomb. */
export const verificationLinksPerHour = 3;
export const verificationLinkSubject = "Confirm your e-mail address for Instant Quote";

/**
 * E-mails the signed-in user a link that proves the address (lib/account/verify-email.ts), which the
 * first order needs. Says where it went, or that the address is confirmed already.
 */
export async function sendVerificationLink(db: Database, userId: string, now = new Date()): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`verify-email:${userId}`}, 0))`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, emailVerifiedAt: true },
    });
    if (user.emailVerifiedAt) return `Your e-mail address ${user.email} is confirmed already.`;
    const recent = await tx.userEmailToken.findMany({
      where: {
        userId,
        purpose: "EMAIL_VERIFICATION",
        createdAt: { gte: new Date(now.getTime() - 3_600_000) },
      },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (recent.length >= verificationLinksPerHour) {
      const minutes = Math.max(
        1,
        Math.ceil((recent[0]!.createdAt.getTime() + 3_600_000 - now.getTime()) / 60_000),
      );
      throw new AppError(
        "rate_limited",
        `We sent ${recent.length} links to ${user.email} in the last hour. Look for them (also in the spam folder), or try again in ${minutes} minute(s).`,
      );
    }
    const token = await issueEmailToken(tx, userId, "EMAIL_VERIFICATION", now);
    await queueEmail(tx, {
      to: user.email,
      subject: verificationLinkSubject,
      text: [
        `Open this link within ${emailTokenValidHours.EMAIL_VERIFICATION} hours to confirm that ${user.email} is your address; then you can place orders:`,
        `${appUrl()}/verify-email/${token}`,
        "If you did not ask for it, ignore this e-mail.",
      ].join("\n\n"),
    });
    return `We sent a link to ${user.email}. Open it to confirm your address, then place your order.`;
  });
}
