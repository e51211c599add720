import type { EmailTokenPurpose } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { emailTokenSha256 } from "./issue-email-token";

const usedOrExpired: Record<EmailTokenPurpose, string> = {
  PASSWORD_RESET:
    "This link is used or expired (a reset link works once, for an hour). Ask for a new one under “Forgot your password?”.",
  EMAIL_VERIFICATION:
    "This link is used or expired. Sign in and send yourself a new one from your account or the checkout.",
};

/** The open link a token names (with its user), or `not_found` saying what to do instead. */
export async function findOpenEmailToken(
  db: Database | TransactionClient,
  token: string,
  purpose: EmailTokenPurpose,
  now = new Date(),
) {
  const row = await db.userEmailToken.findUnique({
    where: { tokenSha256: emailTokenSha256(token) },
    include: { user: { select: { id: true, email: true, name: true, companyId: true, disabledAt: true } } },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt < now || row.user.disabledAt)
    throw new AppError("not_found", usedOrExpired[purpose]);
  return row;
}

/**
 * Uses a link up inside the caller's transaction: of two clicks at once, only one gets the row, the
 * other `conflict`. Other open links of the same purpose are closed with it.
 */
export async function useEmailToken(
  tx: TransactionClient,
  token: string,
  purpose: EmailTokenPurpose,
  now = new Date(),
) {
  const row = await findOpenEmailToken(tx, token, purpose, now);
  const used = await tx.userEmailToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: now },
  });
  if (used.count !== 1) throw new AppError("conflict", usedOrExpired[purpose]);
  await tx.userEmailToken.updateMany({
    where: { userId: row.userId, purpose, usedAt: null },
    data: { usedAt: now },
  });
  return row;
}
