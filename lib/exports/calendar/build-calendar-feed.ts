import ical from "ical-generator";

/** One all-day entry of the feed. */
export interface CalendarEntry {
  /** Stable across fetches, so a calendar app updates the entry instead of adding a second one. */
  uid: string;
  /** The day, "YYYY-MM-DD". */
  day: string;
  summary: string;
  description: string;
  /** The page the entry is about, absolute. */
  url: string;
}

/**
 * An iCalendar feed (RFC 5545) of all-day entries, written by ical-generator: the buyer's delivery dates
 * or the partner's due dates. All-day because the dates are days, not times; the feed asks calendar apps
 * to re-read it every hour (REFRESH-INTERVAL / X-PUBLISHED-TTL).
 */
export function buildCalendarFeed(
  name: string,
  entries: readonly CalendarEntry[],
  now: Date = new Date(),
): string {
  const calendar = ical({
    name,
    prodId: { company: "Instant Quote", product: "Delivery calendar", language: "EN" },
    ttl: 60 * 60,
  });
  for (const entry of entries)
    calendar.createEvent({
      id: entry.uid,
      start: entry.day,
      allDay: true,
      stamp: now,
      summary: entry.summary,
      description: entry.description,
      url: entry.url,
    });
  return calendar.toString();
}
