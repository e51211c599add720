import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { useEmailToken } from "./find-open-email-token";

/** The verification link's button: the address is proven, the link used up. */
export async function verifyEmail(db: Database, token: string, now = new Date()): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const { user } = await useEmailToken(tx, token, "EMAIL_VERIFICATION", now);
    await tx.user.updateMany({
      where: { id: user.id, emailVerifiedAt: null },
      data: { emailVerifiedAt: now },
    });
    await recordAuditLog(tx, {
      actorUserId: user.id,
      companyId: user.companyId,
      action: "user.email_verified",
      entityType: "User",
      entityId: user.id,
      data: { email: user.email },
    });
    return { email: user.email };
  });
}
