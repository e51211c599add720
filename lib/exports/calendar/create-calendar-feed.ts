import { recordAuditLog } from "@/lib/audit-log/record-audit-log";
import type { Database } from "@/lib/db/prisma";
import { appUrl } from "@/lib/env";
import { calendarFeedUrl, hashCalendarFeedToken, newCalendarFeedToken } from "./calendar-feed-token";

/**
 * A new secret feed address for the user, replacing any earlier one (which stops working at once: its
 * hash is overwritten). Returns the address, which is shown this once; only its hash is stored.
 */
export async function createCalendarFeed(
  db: Database,
  user: { id: string; companyId: string },
): Promise<string> {
  const token = newCalendarFeedToken();
  const tokenHash = hashCalendarFeedToken(token);
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.upsert({
      where: { userId: user.id },
      create: { userId: user.id, tokenHash },
      update: { tokenHash, createdAt: new Date(), lastFetchedAt: null },
    });
    await recordAuditLog(tx, {
      actorUserId: user.id,
      companyId: user.companyId,
      action: "calendar_feed.created",
      entityType: "User",
      entityId: user.id,
    });
  });
  return calendarFeedUrl(appUrl(), token);
}
