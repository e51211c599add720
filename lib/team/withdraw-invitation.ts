import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import type { TeamManager } from "./change-team-member-role";
import { teamKindOf } from "./team-roles";

/** An admin withdraws an open invitation of the company: its link stops working at once. */
export async function withdrawInvitation(
  db: Database,
  manager: TeamManager,
  input: unknown,
  now = new Date(),
) {
  const team = teamKindOf(manager.role);
  if (!team || !may(manager.role, team.managePermission))
    throw new AppError("forbidden", "Only an admin of your company can withdraw invitations.");
  const { invitationId } = z
    .object({ invitationId: z.string().min(1, "Choose an invitation.") })
    .parse(input);
  return db.$transaction(async (tx) => {
    const invitation = await tx.teamInvitation.findFirst({
      where: { id: invitationId, companyId: manager.companyId, acceptedAt: null, revokedAt: null },
    });
    if (!invitation) throw new AppError("not_found", "This invitation is used or withdrawn already.");
    // Only while still open: the colleague may have accepted it since it was read.
    const withdrawn = await tx.teamInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (withdrawn.count !== 1)
      throw new AppError("not_found", "This invitation is used or withdrawn already.");
    await recordAuditLog(tx, {
      actorUserId: manager.userId,
      companyId: manager.companyId,
      action: "team.invitation-withdrawn",
      entityType: "TeamInvitation",
      entityId: invitation.id,
      data: { email: invitation.email, role: invitation.role },
    });
    return invitation;
  });
}
