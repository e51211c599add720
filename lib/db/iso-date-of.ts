import type { IsoDate } from "../../quoting-engine/pricing/working-days";

/**
 * The calendar day of a `@db.Date` value, which Prisma reads as midnight UTC (a delivery date, a blocked
 * day, a certificate's expiry): "2026-12-24".
 */
export function isoDateOf(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
