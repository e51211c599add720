import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import { revokeUserSessions } from "../auth/revoke-sessions";
import { AppError } from "../errors/app-error";
import { assertAnotherAdminRemains } from "./assert-another-admin-remains";
import { lockTeamOfCurrentAdmin } from "./lock-team-of-current-admin";
import type { TeamManager } from "./change-team-member-role";
import { teamKindOf } from "./team-roles";
import { revokeKeysAndEndpointsMadeBy } from "./revoke-keys-and-endpoints-made-by";
import { withdrawInvitationsSentBy } from "./withdraw-invitations-sent-by";

/**
 * An admin removes a colleague from the team: the account is disabled (kept, since orders, offers and the
 * audit log name it) and every session of it ends in the same transaction, so the next request of any
 * browser signed in as them is a visitor's, the invitations they sent are withdrawn, and the API keys and
 * webhook endpoints they made are revoked (they know the keys' secrets). The last active admin cannot be
 * removed. Inviting the address
 * again later brings the account back with the new role.
 */
export async function removeTeamMember(db: Database, manager: TeamManager, input: unknown, now = new Date()) {
  const team = teamKindOf(manager.role);
  if (!team || !may(manager.role, team.managePermission))
    throw new AppError("forbidden", "Only an admin of your company can remove colleagues.");
  const { userId } = z.object({ userId: z.string().min(1, "Choose a colleague.") }).parse(input);
  return db.$transaction(async (tx) => {
    await lockTeamOfCurrentAdmin(tx, manager, team.managePermission);
    const member = await tx.user.findFirst({
      where: { id: userId, companyId: manager.companyId, disabledAt: null },
    });
    if (!member) throw new AppError("not_found", "This colleague is not on your team any more.");
    if (member.role === team.adminRole)
      await assertAnotherAdminRemains(
        tx,
        { companyId: manager.companyId, adminRole: team.adminRole },
        member,
        "removed",
      );
    const removed = await tx.user.update({ where: { id: member.id }, data: { disabledAt: now } });
    const sessionsEnded = await revokeUserSessions(tx, member.id, "removed", now);
    const invitationsWithdrawn = await withdrawInvitationsSentBy(tx, member, now);
    const revoked = await revokeKeysAndEndpointsMadeBy(tx, member, manager.userId, now);
    await recordAuditLog(tx, {
      actorUserId: manager.userId,
      companyId: manager.companyId,
      action: "team.removed",
      entityType: "User",
      entityId: member.id,
      data: {
        email: member.email,
        name: member.name,
        role: member.role,
        sessionsEnded,
        invitationsWithdrawn,
        ...revoked,
      },
    });
    return { member: removed, sessionsEnded, revoked };
  });
}
