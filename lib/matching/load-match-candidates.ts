import { isoDateOf, type IsoDate } from "../../quoting-engine/pricing/working-days";
import type {
  AuditStatus,
  CertificateKind,
  CompanyStatus,
  ManufacturingProcess,
  OfferStatus,
} from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { locationOf } from "./distance-km";
import { weekStartOf } from "./plan-free-capacity";
import type { PartnerCandidate } from "./rank-candidates";

interface CandidateRow {
  id: string;
  name: string;
  status: CompanyStatus;
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
  costIndex: number;
  minOrderValueCents: number | null;
  maxOrderValueCents: number | null;
  offersMaterial: boolean;
  machineHoursPerWeek: number | null;
  envelopes: [number, number, number][] | null;
  certificates: { kind: CertificateKind; validUntil: IsoDate }[] | null;
  auditStatus: AuditStatus | null;
  auditExpiresAt: Date | null;
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
  /** Held machine hours by week (its Monday, "YYYY-MM-DD"). */
  held: Record<IsoDate, number> | null;
  blocked: IsoDate[] | null;
  supplierCount: number;
}

/**
 * Every partner that offers `process`, with what the matcher's rules need: material, machines,
 * certificates valid today, newest decided audit, weekly capacity, track record, an earlier offer of
 * this line, and its held hours and blocked days in the production window. One query whatever the
 * number of partners. Also counts the partners that do not offer the process, for the decision record.
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
): Promise<{ candidates: PartnerCandidate[]; notOfferingProcess: number }> {
  const firstWeek = weekStartOf(query.firstDay);
  // Each side table is aggregated once for all partners and hash-joined, rather than looked up per partner.
  const rows = await db.$queryRaw<CandidateRow[]>`
      WITH machines AS (
        SELECT "companyId", json_agg(json_build_array("envelopeXMm", "envelopeYMm", "envelopeZMm")) AS "envelopes"
          FROM "Machine" WHERE "process" = ${query.process}::"ManufacturingProcess" GROUP BY "companyId"
      ), certificates AS (
        SELECT "companyId", json_agg(json_build_object('kind', "kind", 'validUntil', "validUntil")) AS "certificates"
          FROM "Certificate" WHERE "validUntil" >= ${query.today}::date GROUP BY "companyId"
      ), materials AS (
        SELECT DISTINCT sm."companyId" FROM "SupplierMaterial" sm JOIN "Material" m ON m."id" = sm."materialId"
         WHERE m."code" = ${query.materialCode}
      ), held AS (
        SELECT "companyId", json_object_agg("weekStart", "hours") AS "held" FROM (
          SELECT "companyId", "weekStart", SUM("machineHours")::float8 AS "hours" FROM "CapacityReservation"
           WHERE "process" = ${query.process}::"ManufacturingProcess" AND "releasedAt" IS NULL
             AND "weekStart" BETWEEN ${firstWeek}::date AND ${query.lastDay}::date
           GROUP BY "companyId", "weekStart") weeks
         GROUP BY "companyId"
      ), blocked AS (
        SELECT "companyId", json_agg("day") AS "blocked" FROM "BlockedDay"
         WHERE "day" BETWEEN ${firstWeek}::date AND (${query.lastDay}::date + 7) GROUP BY "companyId"
      ), audits AS (
        SELECT DISTINCT ON ("supplierCompanyId") "supplierCompanyId", "status", "expiresAt" FROM "SupplierAudit"
         WHERE "decidedAt" IS NOT NULL ORDER BY "supplierCompanyId", "decidedAt" DESC
      )
      SELECT c."id", c."name", c."status", c."countryCode", c."latitude", c."longitude", c."costIndex",
             c."minOrderValueCents", c."maxOrderValueCents",
             (mat."companyId" IS NOT NULL) AS "offersMaterial",
             wc."machineHoursPerWeek", mach."envelopes", cert."certificates",
             a."status" AS "auditStatus", a."expiresAt" AS "auditExpiresAt",
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
                    WHERE "orderLineId" = ${query.orderLineId}
                    ORDER BY "supplierCompanyId", "createdAt" DESC) o ON o."supplierCompanyId" = c."id"
        LEFT JOIN held h ON h."companyId" = c."id"
        LEFT JOIN blocked b ON b."companyId" = c."id"
       WHERE sp."process" = ${query.process}::"ManufacturingProcess"`;

  const candidates = rows.map((row): PartnerCandidate => ({
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
    certificates: row.certificates ?? [],
    audit: row.auditStatus
      ? { status: row.auditStatus, expiresAt: row.auditExpiresAt ? isoDateOf(row.auditExpiresAt) : null }
      : null,
    machineHoursPerWeek: row.machineHoursPerWeek,
    reservedHoursByWeek: new Map(Object.entries(row.held ?? {})),
    blockedDays: new Set(row.blocked ?? []),
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
  }));
  return { candidates, notOfferingProcess: (rows[0]?.supplierCount ?? 0) - candidates.length };
}
