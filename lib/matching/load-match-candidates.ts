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
import { daysOffBetween } from "./days-off";
import { loadClosureDays } from "./load-closure-days";
import type { SupplierCandidate } from "./rank-candidates";
import { emptyTrackRecord } from "./score-candidate";

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
  countryCode: string;
  region: string | null;
  /** Everything else that is a number, an enum value, a date or a flag, comma-separated (`factColumns`). */
  facts: string;
  blocked: IsoDate[] | null;
  /** [maxOrderValueCents, maxOpenJobs, conditionsDueOn, openJobs] of an open probation. */
  probation: [number | null, number | null, IsoDate, number] | null;
}

/**
 * What `facts` holds, in order: the SQL of each value, none of which can contain a comma (numbers, enum
 * values, dates, 0/1 for flags, certificate kinds separated by spaces, held hours by semicolons). NULL
 * becomes an empty field. Issue 22: a thousand rows of 33 columns each cost the driver and Prisma more to
 * decode than everything the ranking does with them; one text field per row split here costs a fraction.
 */
const factColumns = [
  `c."status"`,
  `c."latitude"`,
  `c."longitude"`,
  `c."costIndex"`,
  `c."minOrderValueCents"`,
  `c."maxOrderValueCents"`,
  `(mat."companyId" IS NOT NULL)::int`,
  `wc."machineHoursPerWeek"`,
  `mach."fitsPart"::int`,
  `cert."certificates"`,
  `a."status"`,
  `to_char(a."expiresAt", 'YYYY-MM-DD')`,
  `(s."companyId" IS NOT NULL)::int`,
  `s."offersAnswered"`,
  `s."offersRejected"`,
  `s."offersExpired"`,
  `s."linesShipped"`,
  `s."linesOnTime"`,
  `s."ratingsCount"`,
  `s."ratingsStarsSum"`,
  `s."complaintsCount"`,
  `s."complaintsUpheld"`,
  `s."meanResponseHours"`,
  `o."status"`,
  `h."held"`,
] as const;
const factsSql = `concat(${factColumns.join(", ',', ")})`;
const fact = (name: (typeof factColumns)[number]) => factColumns.indexOf(name);
const at = {
  status: fact(`c."status"`),
  latitude: fact(`c."latitude"`),
  longitude: fact(`c."longitude"`),
  costIndex: fact(`c."costIndex"`),
  minOrderValueCents: fact(`c."minOrderValueCents"`),
  maxOrderValueCents: fact(`c."maxOrderValueCents"`),
  offersMaterial: fact(`(mat."companyId" IS NOT NULL)::int`),
  machineHoursPerWeek: fact(`wc."machineHoursPerWeek"`),
  fitsPart: fact(`mach."fitsPart"::int`),
  certificates: fact(`cert."certificates"`),
  auditStatus: fact(`a."status"`),
  auditExpiresAt: fact(`to_char(a."expiresAt", 'YYYY-MM-DD')`),
  scored: fact(`(s."companyId" IS NOT NULL)::int`),
  track: fact(`s."offersAnswered"`),
  previousOffer: fact(`o."status"`),
  held: fact(`h."held"`),
};
const numberOrNull = (field: string) => (field === "" ? null : Number(field));
const textOrNull = (field: string) => (field === "" ? null : field);

/**
 * Every supplier that offers `process`, with what the matcher's rules need: material, whether a machine
 * takes the part, the required certificates valid through delivery, newest decided audit, weekly
 * capacity, track record, open probation, an earlier offer of this line, and its held hours and blocked
 * days in the production window. One query whatever the number of suppliers. Also counts the suppliers
 * that do not offer the process, for the decision record.
 *
 * Issue 22: the database answers the yes-or-no questions it can (does a machine take the part, which
 * required certificate is valid through delivery) instead of sending every machine and certificate, and
 * the track record travels as one array: about a third fewer values to decode per supplier, and no
 * JSON built per machine and certificate.
 */
export async function loadMatchCandidates(
  db: Database | TransactionClient,
  query: {
    orderLineId: string;
    process: ManufacturingProcess;
    materialCode: string;
    /** The part's bounding box edges; without three, every machine counts as taking it. */
    partSizeMm: readonly number[];
    requiredCertificates: readonly CertificateKind[];
    deliveryDate: IsoDate;
    today: IsoDate;
    /** The production window (rank-candidates.ts productionWindowOf). */
    firstDay: IsoDate;
    lastDay: IsoDate;
    /** The platform's closure days and the number of suppliers, when the caller read them already. */
    closureDays?: { date: IsoDate; name: string }[];
    supplierCount?: number;
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
      ? Prisma.sql`concat_ws(';', ${Prisma.join(
          heldWeekStarts.map(
            (weekStart) =>
              Prisma.sql`COALESCE(SUM("machineHours") FILTER (WHERE "weekStart" = ${weekStart}::date)::text, '')`,
          ),
        )})`
      : Prisma.sql`NULL::text`;
  // Does a machine take the part, turned any way: both boxes' edges sorted longest first, compared edge by
  // edge (rank-candidates.ts fitsEnvelope, with its tolerance). The middle edge is the sum less the others.
  const [longest, middle, shortest] = [...query.partSizeMm].sort((a, b) => b - a);
  const fits =
    query.partSizeMm.length === 3
      ? Prisma.sql`bool_or(GREATEST("envelopeXMm", "envelopeYMm", "envelopeZMm") + 1e-6 >= ${longest}::float8
          AND "envelopeXMm" + "envelopeYMm" + "envelopeZMm" - GREATEST("envelopeXMm", "envelopeYMm", "envelopeZMm")
              - LEAST("envelopeXMm", "envelopeYMm", "envelopeZMm") + 1e-6 >= ${middle}::float8
          AND LEAST("envelopeXMm", "envelopeYMm", "envelopeZMm") + 1e-6 >= ${shortest}::float8)`
      : Prisma.sql`true`;
  // Only certificates of a required kind matter, and only those still valid on the delivery date.
  const certificates =
    query.requiredCertificates.length > 0
      ? Prisma.sql`SELECT "companyId", string_agg("kind"::text, ' ') AS "certificates"
          FROM "Certificate" WHERE "validUntil" >= ${query.deliveryDate}::date
           AND "kind"::text IN (${Prisma.join(query.requiredCertificates)}) GROUP BY "companyId"`
      : Prisma.sql`SELECT NULL::text AS "companyId", NULL::text AS "certificates" WHERE false`;
  // Each side table is aggregated once for all suppliers and hash-joined, rather than looked up per supplier.
  // Dates leave as "YYYY-MM-DD" text, the IsoDate the rules compare, whatever the session's DateStyle,
  // with no Date object in between. The held hours come from an index-only scan of
  // CapacityReservation_held_hours_idx. Probations (a handful) come as one array each: no second query.
  const rows = await db.$queryRaw<CandidateRow[]>`/* prepared */
      WITH machines AS (
        SELECT "companyId", ${fits} AS "fitsPart"
          FROM "Machine" WHERE "process" = ${query.process}::"ManufacturingProcess" GROUP BY "companyId"
      ), certificates AS (${certificates}
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
      ), probations AS (
        -- Its offers waiting for an answer and its accepted jobs not yet shipped, as loadProbations counts.
        SELECT p."companyId", json_build_array(p."maxOrderValueCents", p."maxOpenJobs",
                 to_char(p."conditionsDueOn", 'YYYY-MM-DD'),
                 (SELECT count(*) FROM "Offer" o WHERE o."supplierCompanyId" = p."companyId" AND o."status" = 'PENDING')
               + (SELECT count(*) FROM "OrderLine" l WHERE l."supplierCompanyId" = p."companyId"
                     AND l."status" IN ('ACCEPTED', 'IN_PRODUCTION', 'QUALITY_CHECK'))) AS "probation"
          FROM (SELECT DISTINCT ON ("companyId") * FROM "SupplierProbation" WHERE "liftedAt" IS NULL
                 ORDER BY "companyId", "startedAt" DESC) p
      )
      SELECT c."id", c."name", c."countryCode", c."region", ${Prisma.raw(factsSql)} AS "facts", b."blocked",
             pr."probation"
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
        LEFT JOIN probations pr ON pr."companyId" = c."id"
       WHERE sp."process" = ${query.process}::"ManufacturingProcess"`;

  // Issue 21: public holidays of the supplier's country and region and the platform's closure days are
  // no capacity. One set per country and region, shared by its suppliers without blocked days of their own.
  const closureDays = query.closureDays ?? (await loadClosureDays(db));
  const supplierCount = query.supplierCount ?? (await db.company.count({ where: { kind: "SUPPLIER" } }));
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
  const candidates = rows.map((row): SupplierCandidate => {
    const facts = row.facts.split(",");
    const certificates = facts[at.certificates]!;
    const auditStatus = facts[at.auditStatus]!;
    const fitsPart = facts[at.fitsPart]!;
    return {
      companyId: row.id,
      name: row.name,
      status: facts[at.status] as CompanyStatus,
      countryCode: row.countryCode,
      location: locationOf({
        countryCode: row.countryCode,
        latitude: numberOrNull(facts[at.latitude]!),
        longitude: numberOrNull(facts[at.longitude]!),
      }),
      costIndex: Number(facts[at.costIndex]),
      minOrderValueCents: numberOrNull(facts[at.minOrderValueCents]!),
      maxOrderValueCents: numberOrNull(facts[at.maxOrderValueCents]!),
      offersMaterial: facts[at.offersMaterial] === "1",
      partFitsMachine: fitsPart === "" ? null : fitsPart === "1",
      // Only kinds valid through the delivery date were read, so each is valid through that day.
      certificates: certificates
        ? certificates
            .split(" ")
            .map((kind) => ({ kind: kind as CertificateKind, validUntil: query.deliveryDate }))
        : noCertificates,
      audit: auditStatus
        ? { status: auditStatus as AuditStatus, expiresAt: textOrNull(facts[at.auditExpiresAt]!) }
        : null,
      machineHoursPerWeek: numberOrNull(facts[at.machineHoursPerWeek]!),
      reservedHoursByWeek: heldHoursByWeek(heldWeekStarts, facts[at.held]!),
      blockedDays: blockedDaysOf(row),
      track: facts[at.scored] === "1" ? trackRecordOf(facts, at.track) : emptyTrackRecord,
      previousOffer: textOrNull(facts[at.previousOffer]!) as OfferStatus | null,
      probation: row.probation
        ? {
            maxOrderValueCents: row.probation[0],
            maxOpenJobs: row.probation[1],
            conditionsDueOn: row.probation[2],
            openJobs: row.probation[3],
          }
        : null,
    };
  });
  return { candidates, notOfferingProcess: supplierCount - candidates.length };
}

const noCertificates: SupplierCandidate["certificates"] = [];

/** A supplier's held hours as planFreeCapacity reads them: by week, only the weeks that hold any. */
/** SupplierScore's counts from `facts`, from `first` on in TrackRecord order (`factColumns`). */
function trackRecordOf(facts: string[], first: number): SupplierCandidate["track"] {
  return {
    offersAnswered: Number(facts[first]),
    offersRejected: Number(facts[first + 1]),
    offersExpired: Number(facts[first + 2]),
    linesShipped: Number(facts[first + 3]),
    linesOnTime: Number(facts[first + 4]),
    ratingsCount: Number(facts[first + 5]),
    ratingsStarsSum: Number(facts[first + 6]),
    complaintsCount: Number(facts[first + 7]),
    complaintsUpheld: Number(facts[first + 8]),
    meanResponseHours: numberOrNull(facts[first + 9]!),
  };
}

function heldHoursByWeek(weekStarts: IsoDate[], held: string): ReadonlyMap<IsoDate, number> {
  if (!held) return noHeldHours;
  const byWeek = new Map<IsoDate, number>();
  const hours = held.split(";");
  for (let index = 0; index < weekStarts.length; index++)
    if (hours[index]) byWeek.set(weekStarts[index]!, Number(hours[index]));
  return byWeek;
}
