import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { hashPassword } from "../auth/password-hash";
import { revokeUserSessions } from "../auth/revoke-sessions";
import { newPasswordSchema } from "../companies/account-fields";
import type { Database } from "../db/prisma";
import { queuePasswordChangedNotice } from "./queue-password-changed-notice";
import { findOpenEmailToken, useEmailToken } from "./find-open-email-token";

const resetSchema = z.object({ password: newPasswordSchema });

/**
 * Sets a new password from a reset link: the link is used up, every session of the user ends (whoever
 * knew the old password is signed out), the address counts as proven (the link reached it), and the
 * owner is e-mailed that the password changed. One transaction; a used or expired link is `not_found`.
 */
export async function resetPassword(
  db: Database,
  token: string,
  input: unknown,
  now = new Date(),
): Promise<{ email: string }> {
  const { password } = resetSchema.parse(input);
  // Checked before the slow hash, so a dead link answers at once.
  await findOpenEmailToken(db, token, "PASSWORD_RESET", now);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { user } = await useEmailToken(tx, token, "PASSWORD_RESET", now);
    const changed = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash },
      select: { emailVerifiedAt: true },
    });
    if (!changed.emailVerifiedAt)
      await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
    const sessionsEnded = await revokeUserSessions(tx, user.id, "password_changed", now);
    await recordAuditLog(tx, {
      actorUserId: user.id,
      companyId: user.companyId,
      action: "user.password_reset",
      entityType: "User",
      entityId: user.id,
      data: { sessionsEnded },
    });
    await queuePasswordChangedNotice(tx, user.email, "through a reset link", now);
    return { email: user.email };
  });
}
