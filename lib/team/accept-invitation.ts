import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { hashPassword } from "../auth/password-hash";
import { newPasswordSchema, personNameSchema } from "../companies/account-fields";
import { duplicateEmailOr } from "../companies/create-company-with-admin";
import { AppError } from "../errors/app-error";
import { invitationTokenSha256 } from "./invite-team-member";

const acceptSchema = z.object({ name: personNameSchema, password: newPasswordSchema });

/** The open invitation a link's token names, or a `not_found` that says the link is used or expired. */
export async function findOpenInvitation(db: Database, token: string, now = new Date()) {
  const invitation = await db.teamInvitation.findUnique({
    where: { tokenSha256: invitationTokenSha256(token) },
    include: { company: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt < now)
    throw new AppError(
      "not_found",
      "This invitation link is used, withdrawn or expired. Ask your colleague to invite you again.",
    );
  return invitation;
}

/**
 * The invited colleague sets a name and password: the account is created in the inviting company with
 * the invited role, and the invitation is used up, in one transaction (a second use fails). An account
 * removed from that company's team earlier is brought back instead, with the invited role.
 */
export async function acceptInvitation(db: Database, token: string, input: unknown, now = new Date()) {
  const account = acceptSchema.parse(input);
  const invitation = await findOpenInvitation(db, token, now);
  const passwordHash = await hashPassword(account.password);
  try {
    return await db.$transaction(async (tx) => {
      // Still open now, not only when read before the password's hash: an admin may have withdrawn it
      // (or left the admin role, which withdraws it) meanwhile, and was told so.
      const used = await tx.teamInvitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gte: now } },
        data: { acceptedAt: now },
      });
      if (used.count !== 1)
        throw new AppError(
          "not_found",
          "This invitation link is used, withdrawn or expired. Ask your colleague to invite you again.",
        );
      const joining = {
        name: account.name,
        passwordHash,
        role: invitation.role,
        // The invitation's link reached the address.
        emailVerifiedAt: now,
      };
      const removed = await tx.user.findFirst({
        where: { email: invitation.email, companyId: invitation.companyId, disabledAt: { not: null } },
      });
      const user = removed
        ? await tx.user.update({ where: { id: removed.id }, data: { ...joining, disabledAt: null } })
        : await tx.user.create({
            data: { companyId: invitation.companyId, email: invitation.email, ...joining },
          });
      await recordAuditLog(tx, {
        actorUserId: user.id,
        companyId: invitation.companyId,
        action: "team.joined",
        entityType: "User",
        entityId: user.id,
        data: { invitationId: invitation.id, role: invitation.role, rejoined: removed !== null },
      });
      return { email: invitation.email, userId: user.id, role: user.role };
    });
  } catch (error) {
    throw duplicateEmailOr(error, invitation.email);
  }
}
