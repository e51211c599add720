import { createHash, randomBytes } from "node:crypto";
import type { EmailTokenPurpose } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";

/** How long a link is valid: a reset link an hour (OWASP), a verification link a day. */
export const emailTokenValidHours: Record<EmailTokenPurpose, number> = {
  PASSWORD_RESET: 1,
  EMAIL_VERIFICATION: 24,
};

/** Only this hash is stored: someone who reads the database cannot use a link that is still open. */
export function emailTokenSha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new one-time link's token for a user (256 random bits, base64url), stored as its SHA-256 and valid
 * for `emailTokenValidHours[purpose]`. Returns the token itself, for the e-mail only.
 */
export async function issueEmailToken(
  db: Database | TransactionClient,
  userId: string,
  purpose: EmailTokenPurpose,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.userEmailToken.create({
    data: {
      userId,
      purpose,
      tokenSha256: emailTokenSha256(token),
      expiresAt: new Date(now.getTime() + emailTokenValidHours[purpose] * 3_600_000),
      createdAt: now,
    },
  });
  return token;
}
