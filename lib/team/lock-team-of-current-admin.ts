import type { TransactionClient } from "../db/prisma";
import { may, type Permission } from "../auth/permissions";
import { AppError } from "../errors/app-error";

/**
 * First thing in a change to the team: locks the company's row (as assertAnotherAdminRemains does, so
 * team changes take turns) and refuses unless the acting admin is still an active admin now. The role
 * checked before the transaction is the one the request started with: two admins removing or demoting
 * each other at the same moment both passed it, and the one removed first still removed the other.
 */
export async function lockTeamOfCurrentAdmin(
  tx: TransactionClient,
  manager: { userId: string; companyId: string },
  managePermission: Permission,
): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Company" WHERE "id" = ${manager.companyId} FOR UPDATE`;
  const current = await tx.user.findFirst({
    where: { id: manager.userId, companyId: manager.companyId, disabledAt: null },
    select: { role: true },
  });
  if (!current || !may(current.role, managePermission))
    throw new AppError(
      "forbidden",
      "You are no longer an admin of this team: another admin changed your role or removed you a moment ago.",
    );
}
