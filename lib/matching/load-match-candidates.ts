import { type IsoDate, shift, weekStartOf } from "../../quoting-engine/pricing/working-days";
import type {
  AuditStatus,
  CertificateKind,
  CompanyStatus,
  ManufacturingProcess,
  OfferStatus,
} from "../db/generated/enums";
import { Prisma } from "../db/generated/client";
import type { Database, TransactionClient } from "../db/prisma";
import { locationOf } from "./distance-km";
import { loadProbations } from "./load-probations";
import { daysOffBetween } from "./days-off";
import { loadClosureDays } from "./load-closure-days";
import type { SupplierCandidate } from "./rank-candidates";

/**
 * Earlier offers of the line that do not keep a supplier from being offered it again: a withdrawn offer
 * (operations moved it, the supplier was suspended, the buyer cancelled) says nothing against the supplier;
 * its own rejection, letting the offer expire, or a counteroffer the buyer declined or let lapse does (it did
 * not want the line on the original terms; docs/decisions/0039). A counteroffer still waiting for the buyer
 * holds the line, so the matcher does not run for it meanwhile.
 */
const notExcludingOfferStatuses = ["WITHDRAWN"];

// Shared by every supplier without blocked days or held hours in the window (most of them): a Set or Map
// each would be a thousand more objects for the garbage collector to copy while the match runs.
const noBlockedDays: ReadonlySet<IsoDate> = new Set();
const noHeldHours: ReadonlyMap<IsoDate, number> = new Map();

interface CandidateRow {
  id: string;
  name: string;
  status: CompanyStatus;
  countryCode: string;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  costIndex: number;
  minOrderValueCents: number | null;
  maxOrderValueCents: number | null;
  offersMaterial: boolean;
  machineHoursPerWeek: number | null;
  envelopes: [number, number, number][] | null;
  /** [kind, validUntil] pairs. */
  certificates: [CertificateKind, IsoDate][] | null;
  auditStatus: AuditStatus | null;
  auditExpiresAt: IsoDate | null;
  offersAnswered: number | null;
  offersRejected: number | null;
  offersExpired: number | null;
  linesShipped: number | null;
  linesOnTime: number | null;
  ratingsCount: number | null;
  ratingsStarsSum: number | null;
  complaintsCount: number | null;
  complaintsUpheld: number | null;
  meanResponseHours: number | null;
  previousOffer: OfferStatus | null;
  /** Held machine hours in each week of the window, in order; null for a week without any. */
  held: (number | null)[] | null;
  blocked: IsoDate[] | null;
  supplierCount: number;
}

/**
 * Every supplier that offers `process`, with what the matcher's rules need: material, machines,
 * certificates valid today, newest decided audit, weekly capacity, track record, an earlier offer of
 * this line, and its held hours and blocked days in the production window. One query whatever the
 * number of suppliers. Also counts the suppliers that do not offer the process, for the decision record.
 */
export async function loadMatchCandidates(
  db: Database | TransactionClient,
  query: {
    orderLineId: string;
    process: ManufacturingProcess;
    materialCode: string;
    today: IsoDate;
    /** The production window (rank-candidates.ts productionWindowOf). */
    firstDay: IsoDate;
    lastDay: IsoDate;
  },
): Promise<{ candidates: SupplierCandidate[]; notOfferingProcess: number }> {
  const firstWeek = weekStartOf(query.firstDay);
  // The Mondays from the first day's week to the last day: the weeks of the window, and the weeks whose
  // reservations the read covers even when the window is empty.
  const heldWeekStarts: IsoDate[] = [];
  for (let weekStart = firstWeek; weekStart <= query.lastDay; weekStart = shift(weekStart, 7))
    heldWeekStarts.push(weekStart);
  // One sum per week of the window, side by side, in one pass over the suppliers' reservations: cheaper
  // than summing per supplier and week and then folding each supplier's weeks into a JSON object (about
  // 13,000 reservations at 1,000 suppliers), and an array of numbers needs no JSON parsing here either.
  const heldByWeek =
    heldWeekStarts.length > 0
      ? Prisma.sql`ARRAY[${Prisma.join(
          heldWeekStarts.map(
            (weekStart) => Prisma.sql`SUM("machineHours") FILTER (WHERE "weekStart" = ${weekStart}::date)`,
          ),
        )}]::float8[]`
      : Prisma.sql`NULL::float8[]`;
  // Each side table is aggregated once for all suppliers and hash-joined, rather than looked up per supplier.
  // Machines and certificates are aggregated as JSON arrays of plain arrays: json_build_array and
  // json_build_object look up the type of every argument on every row, which cost 2–3 ms at 1,000
  // suppliers on their own. Dates leave as "YYYY-MM-DD" text, the IsoDate the rules compare, whatever the
  // session's DateStyle, with no Date object in between.
  // The held hours come from an index-only scan of CapacityReservation_held_hours_idx.
  const rows = await db.$queryRaw<CandidateRow[]>`
      WITH machines AS (
        SELECT "companyId", json_agg(ARRAY["envelopeXMm", "envelopeYMm", "envelopeZMm"]) AS "envelopes"
          FROM "Machine" WHERE "process" = ${query.process}::"ManufacturingProcess" GROUP BY "companyId"
      ), certificates AS (
        SELECT "companyId", json_agg(ARRAY["kind"::text, to_char("validUntil", 'YYYY-MM-DD')]) AS "certificates"
          FROM "Certificate" WHERE "validUntil" >= ${query.today}::date GROUP BY "companyId"
      ), materials AS (
        -- One row per supplier without DISTINCT: material codes are unique, and so is a supplier's material.
        SELECT sm."companyId" FROM "SupplierMaterial" sm JOIN "Material" m ON m."id" = sm."materialId"
         WHERE m."code" = ${query.materialCode}
      ), held AS (
        SELECT "companyId", ${heldByWeek} AS "held" FROM "CapacityReservation"
         WHERE "process" = ${query.process}::"ManufacturingProcess" AND "releasedAt" IS NULL
           AND "weekStart" BETWEEN ${firstWeek}::date AND ${query.lastDay}::date
         GROUP BY "companyId"
      ), blocked AS (
        SELECT "companyId", json_agg("day") AS "blocked" FROM "BlockedDay"
         WHERE "day" BETWEEN ${firstWeek}::date AND (${query.lastDay}::date + 7) GROUP BY "companyId"
      ), audits AS (
        SELECT DISTINCT ON ("supplierCompanyId") "supplierCompanyId", "status", "expiresAt" FROM "SupplierAudit"
         WHERE "decidedAt" IS NOT NULL ORDER BY "supplierCompanyId", "decidedAt" DESC
      )
      SELECT c."id", c."name", c."status", c."countryCode", c."region", c."latitude", c."longitude", c."costIndex",
             c."minOrderValueCents", c."maxOrderValueCents",
             (mat."companyId" IS NOT NULL) AS "offersMaterial",
             wc."machineHoursPerWeek", mach."envelopes", cert."certificates",
             a."status" AS "auditStatus", to_char(a."expiresAt", 'YYYY-MM-DD') AS "auditExpiresAt",
             s."offersAnswered", s."offersRejected", s."offersExpired", s."linesShipped", s."linesOnTime",
             s."ratingsCount", s."ratingsStarsSum", s."complaintsCount", s."complaintsUpheld", s."meanResponseHours",
             o."status" AS "previousOffer", h."held", b."blocked",
             (SELECT count(*)::int FROM "Company" WHERE "kind" = 'SUPPLIER') AS "supplierCount"
        FROM "SupplierProcess" sp
        JOIN "Company" c ON c."id" = sp."companyId" AND c."kind" = 'SUPPLIER'
        LEFT JOIN "WeeklyCapacity" wc ON wc."companyId" = c."id" AND wc."process" = sp."process"
        LEFT JOIN machines mach ON mach."companyId" = c."id"
        LEFT JOIN certificates cert ON cert."companyId" = c."id"
        LEFT JOIN materials mat ON mat."companyId" = c."id"
        LEFT JOIN audits a ON a."supplierCompanyId" = c."id"
        LEFT JOIN "SupplierScore" s ON s."companyId" = c."id"
        LEFT JOIN (SELECT DISTINCT ON ("supplierCompanyId") "supplierCompanyId", "status" FROM "Offer"
                    WHERE "orderLineId" = ${query.orderLineId} AND "status"::text NOT IN (${Prisma.join(notExcludingOfferStatuses)})
                    ORDER BY "supplierCompanyId", "createdAt" DESC) o ON o."supplierCompanyId" = c."id"
        LEFT JOIN held h ON h."companyId" = c."id"
        LEFT JOIN blocked b ON b."companyId" = c."id"
       WHERE sp."process" = ${query.process}::"ManufacturingProcess"`;

  const probations = await loadProbations(db);
  // Issue 21: public holidays of the supplier's country and region and the platform's closure days are
  // no capacity. One set per country and region, shared by its suppliers without blocked days of their own.
  const closureDays = await loadClosureDays(db);
  const daysOffByPlace = new Map<string, ReadonlySet<IsoDate>>();
  const blockedDaysOf = (row: CandidateRow): ReadonlySet<IsoDate> => {
    const place = `${row.countryCode}|${row.region ?? ""}`;
    let daysOff = daysOffByPlace.get(place);
    if (!daysOff) {
      const days = daysOffBetween(row, closureDays, firstWeek, shift(query.lastDay, 7)).map(
        (entry) => entry.day,
      );
      daysOff = days.length > 0 ? new Set(days) : noBlockedDays;
      daysOffByPlace.set(place, daysOff);
    }
    return row.blocked ? new Set([...daysOff, ...row.blocked]) : daysOff;
  };
  const candidates = rows.map((row): SupplierCandidate => ({
    companyId: row.id,
    name: row.name,
    status: row.status,
    countryCode: row.countryCode,
    location: locationOf(row),
    costIndex: row.costIndex,
    minOrderValueCents: row.minOrderValueCents,
    maxOrderValueCents: row.maxOrderValueCents,
    offersMaterial: row.offersMaterial,
    machineEnvelopesMm: row.envelopes ?? [],
    certificates: (row.certificates ?? []).map(([kind, validUntil]) => ({ kind, validUntil })),
    audit: row.auditStatus ? { status: row.auditStatus, expiresAt: row.auditExpiresAt } : null,
    machineHoursPerWeek: row.machineHoursPerWeek,
    reservedHoursByWeek: heldHoursByWeek(heldWeekStarts, row.held),
    blockedDays: blockedDaysOf(row),
    track: {
      offersAnswered: row.offersAnswered ?? 0,
      offersRejected: row.offersRejected ?? 0,
      offersExpired: row.offersExpired ?? 0,
      linesShipped: row.linesShipped ?? 0,
      linesOnTime: row.linesOnTime ?? 0,
      ratingsCount: row.ratingsCount ?? 0,
      ratingsStarsSum: row.ratingsStarsSum ?? 0,
      complaintsCount: row.complaintsCount ?? 0,
      complaintsUpheld: row.complaintsUpheld ?? 0,
      meanResponseHours: row.meanResponseHours,
    },
    previousOffer: row.previousOffer,
    probation: probations.get(row.id) ?? null,
  }));
  return { candidates, notOfferingProcess: (rows[0]?.supplierCount ?? 0) - candidates.length };
}

/** A supplier's held hours as planFreeCapacity reads them: by week, only the weeks that hold any. */
function heldHoursByWeek(
  weekStarts: IsoDate[],
  held: (number | null)[] | null,
): ReadonlyMap<IsoDate, number> {
  if (!held) return noHeldHours;
  const byWeek = new Map<IsoDate, number>();
  for (let index = 0; index < weekStarts.length; index++) {
    const hours = held[index];
    if (hours !== null && hours !== undefined) byWeek.set(weekStarts[index]!, hours);
  }
  return byWeek;
}
