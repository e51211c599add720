import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import { revokeUserSessions } from "../auth/revoke-sessions";
import type { UserRole } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { revokeKeysAndEndpointsMadeBy } from "./revoke-keys-and-endpoints-made-by";
import { lockTeamOfCurrentAdmin } from "./lock-team-of-current-admin";

/**
 * An operations user removes a colleague who left (decision 0122): the account is disabled (kept, since
 * the audit log, audits and payouts name it) and every session of it ends in the same transaction, so a
 * browser still signed in as them is a visitor's at its next request; keys they made are revoked. Nobody
 * removes themselves, so the operations team never removes its last member. Creating the account again
 * in /ops/team is refused while the address is taken: removed stays removed.
 */
export async function removeOperationsUser(
  db: Database,
  manager: { userId: string; companyId: string; role: UserRole },
  input: unknown,
  now = new Date(),
) {
  if (!may(manager.role, "ops.team.manage"))
    throw new AppError("forbidden", "Only operations can remove operations colleagues.");
  const { userId } = z.object({ userId: z.string().min(1, "Choose a colleague.") }).parse(input);
  if (userId === manager.userId)
    throw new AppError("conflict", "You cannot remove yourself: another operations colleague removes you.");
  return db.$transaction(async (tx) => {
    await lockTeamOfCurrentAdmin(tx, manager, "ops.team.manage");
    const member = await tx.user.findFirst({
      where: { id: userId, companyId: manager.companyId, role: "OPERATIONS", disabledAt: null },
    });
    if (!member) throw new AppError("not_found", "This colleague is not on the operations team any more.");
    const removed = await tx.user.update({ where: { id: member.id }, data: { disabledAt: now } });
    const sessionsEnded = await revokeUserSessions(tx, member.id, "removed", now);
    const revoked = await revokeKeysAndEndpointsMadeBy(tx, member, manager.userId, now);
    await recordAuditLog(tx, {
      actorUserId: manager.userId,
      companyId: manager.companyId,
      action: "team.removed",
      entityType: "User",
      entityId: member.id,
      data: { email: member.email, name: member.name, role: member.role, sessionsEnded, ...revoked },
    });
    return { member: removed, sessionsEnded };
  });
}
