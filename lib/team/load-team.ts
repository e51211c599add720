import "server-only";
import type { Database } from "../db/prisma";

/** A company's team for its team page: members (removed ones last) and the invitations still open. */
export async function loadTeam(db: Database, companyId: string, now = new Date()) {
  const [company, members, invitations] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: companyId } }),
    db.user.findMany({
      where: { companyId },
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.teamInvitation.findMany({
      where: { companyId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const active = members.filter((member) => !member.disabledAt);
  const removed = members.filter((member) => member.disabledAt);
  return { company, members: [...active, ...removed], invitations };
}
