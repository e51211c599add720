import type { TransactionClient } from "../db/prisma";

/**
 * Withdraws the open invitations a member sent, when the member is removed or loses the admin role: they
 * were the admin's to send, and an admin on the way out must not leave a link (to a private address, as
 * admin) that brings them back (walk 7). Returns how many were withdrawn, for the audit log.
 */
export async function withdrawInvitationsSentBy(
  tx: TransactionClient,
  member: { id: string; companyId: string },
  now: Date,
): Promise<number> {
  const withdrawn = await tx.teamInvitation.updateMany({
    where: { invitedById: member.id, companyId: member.companyId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return withdrawn.count;
}
