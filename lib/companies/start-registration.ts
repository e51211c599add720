import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../db/prisma";
import { appUrl, getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { hashPassword } from "../auth/password-hash";
import { queueEmail } from "../notifications/queue-email";
import { supplierApplicationSchema } from "./apply-as-supplier";
import { buyerRegistrationSchema } from "./register-buyer";

export const registrationLinkValidHours = 24;
/** Sign-up links sent to one address in an hour; more sign-ups answer the same and send nothing. */
export const signUpLinksPerEmailPerHour = 3;
const existingAccountNoticeSubject =
  "Someone tried to create an Instant Quote account with your e-mail address";

export function registrationTokenSha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A sign-up (a buyer's, or a manufacturer's application): checked field by field, then answered the same
 * way whether or not the e-mail already has an account, so the form cannot be used to find out who
 * has one. A new address gets a link that creates the account (lib/companies/complete-registration.ts);
 * an address with an account gets an e-mail telling its owner, and nothing else happens. The password
 * is hashed either way, so both take the same time. Rate limited per client address.
 */
export async function startRegistration(
  db: Database,
  request: { kind: "BUYER" | "SUPPLIER"; input: unknown; ipAddress: string; returnTo: string },
  now = new Date(),
): Promise<{ email: string }> {
  const { password, ...data } =
    request.kind === "BUYER"
      ? buyerRegistrationSchema.parse(request.input)
      : supplierApplicationSchema.parse(request.input);
  const passwordHash = await hashPassword(password);
  const token = randomBytes(32).toString("base64url");
  // Counted in the database, so the limit holds across processes.
  const signUpsPerAddressPerHour = getEnv().SIGN_UPS_PER_ADDRESS_PER_HOUR;
  await db.$transaction(
    async (tx) => {
      // One lock per address: parallel sign-ups from one address are counted one after another.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-up:address:${request.ipAddress}`}, 0))`;
      const since = new Date(now.getTime() - 3_600_000);
      const recent = await tx.signUpAttempt.findMany({
        where: { ipAddress: request.ipAddress, createdAt: { gte: since } },
        orderBy: { createdAt: "desc" },
        take: signUpsPerAddressPerHour,
        select: { createdAt: true },
      });
      if (recent.length >= signUpsPerAddressPerHour) {
        const freeAt = recent.at(-1)!.createdAt.getTime() + 3_600_000;
        const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
        throw new AppError(
          "rate_limited",
          `Too many sign-ups from your network in the last hour. Try again in ${minutes} minute(s).`,
        );
      }
      await tx.signUpAttempt.create({ data: { ipAddress: request.ipAddress, createdAt: now } });

      // And one per e-mail address: repeated sign-ups must not flood its owner's inbox.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-up:email:${data.email}`}, 0))`;
      const emailsSent = (subject: string, withinHours: number) =>
        tx.outboxEmail.count({
          where: {
            toAddress: data.email,
            subject,
            createdAt: { gte: new Date(now.getTime() - withinHours * 3_600_000) },
          },
        });

      if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
        // The owner learns of it once a day, however often it is tried.
        if ((await emailsSent(existingAccountNoticeSubject, 24)) > 0) return;
        await queueEmail(tx, {
          to: data.email,
          subject: existingAccountNoticeSubject,
          text: [
            `Someone, perhaps you, tried to create a new account with ${data.email}, which already has an account. Nothing was changed.`,
            `If it was you, sign in instead: ${appUrl()}/sign-in`,
            "If it was not you, you need not do anything.",
          ].join("\n\n"),
        });
        return;
      }
      const linkSubject =
        request.kind === "BUYER"
          ? "Finish creating your Instant Quote account"
          : "Finish your application as an Instant Quote manufacturing partner";
      // A few links an hour for someone whose e-mail is slow, no flood for an address someone else typed.
      if ((await emailsSent(linkSubject, 1)) >= signUpLinksPerEmailPerHour) return;
      await tx.pendingRegistration.create({
        data: {
          tokenSha256: registrationTokenSha256(token),
          email: data.email,
          kind: request.kind,
          data,
          passwordHash,
          returnTo: request.returnTo,
          expiresAt: new Date(now.getTime() + registrationLinkValidHours * 3_600_000),
          createdAt: now,
        },
      });
      await queueEmail(tx, {
        to: data.email,
        subject: linkSubject,
        text: [
          request.kind === "BUYER"
            ? `Open this link within ${registrationLinkValidHours} hours to finish signing up ${data.companyName}, in the browser you signed up in to keep the parts you uploaded there:`
            : // A manufacturer uploads no parts: it finishes its application, and the audit comes next.
              `Open this link within ${registrationLinkValidHours} hours to send ${data.companyName}'s application as a manufacturing partner; our operations team then audits it before you receive jobs:`,
          `${appUrl()}/sign-up/confirm/${token}`,
          `The page asks for the password you chose when you ${request.kind === "BUYER" ? "signed up" : "applied"}. If you did not ${request.kind === "BUYER" ? "sign up" : "apply"}, ignore this e-mail: without the link and that password no account is created.`,
        ].join("\n\n"),
      });
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  return { email: data.email };
}
