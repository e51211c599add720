import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { hashPassword, verifyPassword } from "../auth/password-hash";
import { revokeUserSessions } from "../auth/revoke-sessions";
import { beginSignInAttempt, finishSignInAttempt } from "../auth/sign-in-rate-limit";
import { newPasswordSchema } from "../companies/account-fields";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { queuePasswordChangedNotice } from "./queue-password-changed-notice";

const changeSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: newPasswordSchema,
});

/**
 * A signed-in user changes the password: the current one must be right (checked like a sign-in, so
 * guesses from a borrowed session are slowed down the same way), the new one follows the sign-up rules.
 * Every other session of the user ends; this one (`keepSessionId`) stays, and the reset links still open
 * are closed (walk 9: a link someone asked for before the change set a password of their choosing after
 * it). The owner is e-mailed.
 */
export async function changePassword(
  db: Database,
  who: { userId: string; keepSessionId: string; ipAddress: string },
  input: unknown,
  now = new Date(),
): Promise<{ sessionsEnded: number }> {
  const { currentPassword, newPassword } = changeSchema.parse(input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: who.userId },
    select: { id: true, email: true, companyId: true, passwordHash: true },
  });
  const ticket = await beginSignInAttempt(db, { email: user.email, ipAddress: who.ipAddress }, now);
  if (!ticket.allowed) {
    const minutes = Math.max(1, Math.ceil(ticket.retryAfterSeconds / 60));
    throw new AppError(
      "rate_limited",
      `Too many wrong passwords for this account. Wait ${minutes} minute(s) and try again.`,
    );
  }
  const correct = await verifyPassword(user.passwordHash, currentPassword);
  await finishSignInAttempt(db, ticket.attemptId, correct);
  if (!correct)
    throw new AppError("validation_failed", "Your current password is not correct.", {
      field: "currentPassword",
    });
  if (newPassword === currentPassword)
    throw new AppError("validation_failed", "Choose a new password that differs from the current one.", {
      field: "newPassword",
    });
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionsEnded = await revokeUserSessions(tx, user.id, "password_changed", now, who.keepSessionId);
    const resetLinksClosed = await tx.userEmailToken.updateMany({
      where: { userId: user.id, purpose: "PASSWORD_RESET", usedAt: null },
      data: { usedAt: now },
    });
    await recordAuditLog(tx, {
      actorUserId: user.id,
      companyId: user.companyId,
      action: "user.password_changed",
      entityType: "User",
      entityId: user.id,
      data: { sessionsEnded, resetLinksClosed: resetLinksClosed.count },
    });
    await queuePasswordChangedNotice(tx, user.email, "from the account page", now);
    return { sessionsEnded };
  });
}
