import { recordAuditLog } from "@/lib/audit-log/record-audit-log";
import type { Database } from "@/lib/db/prisma";

/** Ends the user's feed address: calendar apps that subscribed get "not found" from now on. */
export async function revokeCalendarFeed(
  db: Database,
  user: { id: string; companyId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.deleteMany({ where: { userId: user.id } });
    if (count === 0) return;
    await recordAuditLog(tx, {
      actorUserId: user.id,
      companyId: user.companyId,
      action: "calendar_feed.revoked",
      entityType: "User",
      entityId: user.id,
    });
  });
}
