import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import { revokeUserSessions } from "../auth/revoke-sessions";
import type { UserRole } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { assertAnotherAdminRemains } from "./assert-another-admin-remains";
import { lockTeamOfCurrentAdmin } from "./lock-team-of-current-admin";
import { teamKindOf } from "./team-roles";
import { revokeKeysAndEndpointsMadeBy } from "./revoke-keys-and-endpoints-made-by";
import { withdrawInvitationsSentBy } from "./withdraw-invitations-sent-by";

export interface TeamManager {
  userId: string;
  companyId: string;
  role: UserRole;
}

/**
 * An admin gives a colleague of the same company another role of the team's kind. The last active admin
 * keeps the admin role. The colleague's sessions end with the change (they sign in again with the new
 * role), an admin's open invitations are withdrawn with the admin role and the API keys and webhook
 * endpoints they made are revoked, and the log says who changed whom from what to what.
 */
export async function changeTeamMemberRole(
  db: Database,
  manager: TeamManager,
  input: unknown,
  now = new Date(),
) {
  const team = teamKindOf(manager.role);
  if (!team || !may(manager.role, team.managePermission))
    throw new AppError("forbidden", "Only an admin of your company can change roles.");
  const { userId, role } = z
    .object({
      userId: z.string().min(1, "Choose a colleague."),
      role: z.enum(team.roles, { error: team.roleError }),
    })
    .parse(input);
  return db.$transaction(async (tx) => {
    await lockTeamOfCurrentAdmin(tx, manager, team.managePermission);
    const member = await tx.user.findFirst({
      where: { id: userId, companyId: manager.companyId, disabledAt: null },
    });
    if (!member) throw new AppError("not_found", "This colleague is not on your team any more.");
    if (member.role === role) return { member, changed: false, revoked: null };
    if (member.role === team.adminRole)
      await assertAnotherAdminRemains(
        tx,
        { companyId: manager.companyId, adminRole: team.adminRole },
        member,
        "given another role",
      );
    const changed = await tx.user.update({ where: { id: member.id }, data: { role } });
    const sessionsEnded = await revokeUserSessions(tx, member.id, "role_changed", now);
    const leavesAdmin = member.role === team.adminRole;
    const invitationsWithdrawn = leavesAdmin ? await withdrawInvitationsSentBy(tx, member, now) : 0;
    const revoked = leavesAdmin ? await revokeKeysAndEndpointsMadeBy(tx, member, manager.userId, now) : null;
    await recordAuditLog(tx, {
      actorUserId: manager.userId,
      companyId: manager.companyId,
      action: "team.role-changed",
      entityType: "User",
      entityId: member.id,
      data: {
        email: member.email,
        name: member.name,
        from: member.role,
        to: role,
        sessionsEnded,
        invitationsWithdrawn,
        ...revoked,
      },
    });
    return { member: changed, changed: true, revoked };
  });
}
