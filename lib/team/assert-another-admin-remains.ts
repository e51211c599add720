import type { TransactionClient } from "../db/prisma";
import type { UserRole } from "../db/generated/enums";
import { AppError } from "../errors/app-error";

/**
 * Locks the company's row for the rest of the transaction, so two admins demoting or removing each other
 * at the same moment are counted one after the other (and one of them is refused), then refuses when
 * `userId` is the team's last active admin.
 */
export async function assertAnotherAdminRemains(
  tx: TransactionClient,
  team: { companyId: string; adminRole: UserRole },
  member: { id: string; name: string },
  what: string,
): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Company" WHERE "id" = ${team.companyId} FOR UPDATE`;
  const otherAdmins = await tx.user.count({
    where: { companyId: team.companyId, role: team.adminRole, disabledAt: null, id: { not: member.id } },
  });
  if (otherAdmins === 0)
    throw new AppError(
      "conflict",
      `${member.name} is the last admin of your team and cannot be ${what}: make a colleague admin first.`,
    );
}
