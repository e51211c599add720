import { z } from "zod";
import type { Database } from "../db/prisma";
import type { UserRole } from "../db/generated/enums";
import { getDummyPasswordHash, verifyPassword } from "./password-hash";
import { beginSignInAttempt, finishSignInAttempt, type SignInBucket } from "./sign-in-rate-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(200),
});

export interface SessionIdentity {
  userId: string;
  email: string;
  name: string;
  companyId: string;
  role: UserRole;
}

export type CredentialsVerdict =
  | { ok: true; identity: SessionIdentity }
  | { ok: false; reason: "invalid_credentials" }
  | {
      ok: false;
      reason: "rate_limited";
      bucket: SignInBucket;
      retryAfterSeconds: number;
      /** This refusal queued the e-mail telling the owner: the caller asks for its delivery. */
      ownerNotified: boolean;
    };

/**
 * Checks an e-mail and password. Wrong e-mail and wrong password give the same answer and take the
 * same time. The attempt is counted before the hash is checked (lib/auth/sign-in-rate-limit.ts), so
 * parallel guesses cannot slip past the limit; a refused attempt never reaches the hash, so even the
 * right password gets the same "wait" answer as a wrong one. `deviceId` is the id from this browser's
 * valid device cookie for this e-mail, if it has one.
 */
export async function verifyCredentials(
  db: Database,
  input: unknown,
  ipAddress: string,
  options: { deviceId?: string; now?: Date } = {},
): Promise<CredentialsVerdict> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;

  const ticket = await beginSignInAttempt(db, { email, ipAddress, deviceId: options.deviceId }, options.now);
  if (!ticket.allowed) {
    const { bucket, retryAfterSeconds, ownerNotified } = ticket;
    return { ok: false, reason: "rate_limited", bucket, retryAfterSeconds, ownerNotified };
  }

  const user = await db.user.findUnique({
    where: { email },
    include: { company: { select: { status: true } } },
  });
  const passwordMatches = await verifyPassword(
    user?.passwordHash ?? (await getDummyPasswordHash()),
    password,
  );
  const usable = user && passwordMatches && !user.disabledAt && user.company.status !== "REJECTED";
  await finishSignInAttempt(db, ticket.attemptId, Boolean(usable));
  if (!usable) return { ok: false, reason: "invalid_credentials" };

  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return {
    ok: true,
    identity: {
      userId: user.id,
      email: user.email,
      name: user.name,
      companyId: user.companyId,
      role: user.role,
    },
  };
}
