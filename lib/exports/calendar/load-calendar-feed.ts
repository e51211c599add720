import { areaForRole } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/prisma";
import { appUrl } from "@/lib/env";
import { buildCalendarFeed, type CalendarEntry } from "./build-calendar-feed";
import { hashCalendarFeedToken } from "./calendar-feed-token";

/** What every calendar entry reads of its order line. */
const entryLineSelect = {
  id: true,
  quantity: true,
  status: true,
  deliveryDate: true,
  part: { select: { originalFileName: true } },
} as const;

/** IN_PRODUCTION → "in production". */
const statusWords = (status: string) => status.toLowerCase().replaceAll("_", " ");

/** How far back the feed reaches: recent deliveries stay visible, old ones drop out. */
const pastDays = 90;

/**
 * The iCal feed behind a secret token, or null when no feed has it (never created, revoked, replaced)
 * or its user was disabled. A buyer's
 * feed holds the delivery dates of the company's order lines; a partner's the delivery dates its open
 * jobs must ship for. Cancelled lines are left out.
 */
export async function loadCalendarFeed(
  db: Database,
  token: string,
  now: Date = new Date(),
): Promise<string | null> {
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashCalendarFeedToken(token) },
    select: {
      id: true,
      user: {
        select: { role: true, disabledAt: true, companyId: true, company: { select: { name: true } } },
      },
    },
  });
  if (!feed || feed.user.disabledAt) return null;
  await db.calendarFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: now } });
  const area = areaForRole(feed.user.role);
  if (area === "ops") return null;
  const since = new Date(now.getTime() - pastDays * 86_400_000);
  const base = appUrl();
  if (area === "buyer") {
    const lines = await db.orderLine.findMany({
      where: {
        order: { buyerCompanyId: feed.user.companyId },
        status: { not: "CANCELLED" },
        deliveryDate: { gte: since },
      },
      orderBy: { deliveryDate: "asc" },
      take: 2000,
      select: {
        ...entryLineSelect,
        carrier: true,
        trackingNumber: true,
        order: { select: { id: true, number: true } },
      },
    });
    const entries: CalendarEntry[] = lines.map((line) => ({
      uid: `delivery-${line.id}@instant-quote`,
      day: line.deliveryDate.toISOString().slice(0, 10),
      summary: `Delivery: ${line.quantity} × ${line.part.originalFileName} (${line.order.number})`,
      description: [
        `Status: ${statusWords(line.status)}`,
        line.trackingNumber ? `Tracking: ${line.carrier ?? ""} ${line.trackingNumber}`.trim() : null,
      ]
        .filter(Boolean)
        .join("\n"),
      url: `${base}/orders/${line.order.id}`,
    }));
    return buildCalendarFeed(`Deliveries · ${feed.user.company.name}`, entries, now);
  }
  const jobs = await db.orderLine.findMany({
    where: {
      supplierCompanyId: feed.user.companyId,
      status: { in: ["ACCEPTED", "IN_PRODUCTION", "QUALITY_CHECK", "SHIPPED", "DELIVERED"] },
      deliveryDate: { gte: since },
    },
    orderBy: { deliveryDate: "asc" },
    take: 2000,
    select: { ...entryLineSelect, order: { select: { number: true } } },
  });
  const entries: CalendarEntry[] = jobs.map((job) => ({
    uid: `job-${job.id}@instant-quote`,
    day: job.deliveryDate.toISOString().slice(0, 10),
    summary: `Due: ${job.quantity} × ${job.part.originalFileName} (${job.order.number})`,
    description: `Deliver by this day. Status: ${statusWords(job.status)}`,
    url: `${base}/supplier/jobs/${job.id}`,
  }));
  return buildCalendarFeed(`Due dates · ${feed.user.company.name}`, entries, now);
}
