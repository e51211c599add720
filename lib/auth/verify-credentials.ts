import { z } from "zod";
import type { Database } from "../db/prisma";
import type { UserRole } from "../db/generated/enums";
import { getDummyPasswordHash, verifyPassword } from "./password-hash";
import { checkSignInRateLimit, recordSignInAttempt } from "./sign-in-rate-limit";

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
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/**
 * Checks an e-mail and password. Wrong e-mail and wrong password give the same answer and take the
 * same time. Too many failures per account or per address are refused before the hash is checked.
 */
export async function verifyCredentials(
  db: Database,
  input: unknown,
  ipAddress: string,
): Promise<CredentialsVerdict> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;

  const limit = await checkSignInRateLimit(db, email, ipAddress);
  if (!limit.allowed)
    return { ok: false, reason: "rate_limited", retryAfterMinutes: limit.retryAfterMinutes };

  const user = await db.user.findUnique({
    where: { email },
    include: { company: { select: { status: true } } },
  });
  const passwordMatches = await verifyPassword(
    user?.passwordHash ?? (await getDummyPasswordHash()),
    password,
  );
  const usable = user && passwordMatches && !user.disabledAt && user.company.status !== "REJECTED";
  await recordSignInAttempt(db, email, ipAddress, Boolean(usable));
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
