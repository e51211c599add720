import type { IsoDate } from "../../quoting-engine/pricing/working-days";
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
  previousOffer: OfferStatus | null;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Every partner that offers `process`, with what the matcher's rules need: material, machines,
 * certificates valid today, newest decided audit, weekly capacity, track record, an earlier offer of
 * this line, and its held hours and blocked days in the production window. Three queries whatever the
 * number of partners. Also counts the partners that do not offer the process, for the decision record.
 */
export async function loadMatchCandidates(
  db: Database | TransactionClient,
  query: {
    orderLineId: string;
    process: ManufacturingProcess;
    materialCode: string;
    today: IsoDate;
    lastDay: IsoDate;
  },
): Promise<{ candidates: PartnerCandidate[]; notOfferingProcess: number }> {
  const firstWeek = weekStartOf(query.today);
  const [rows, reservations, blocked, suppliers] = await Promise.all([
    db.$queryRaw<CandidateRow[]>`
      SELECT c."id", c."name", c."status", c."countryCode", c."latitude", c."longitude", c."costIndex",
             c."minOrderValueCents", c."maxOrderValueCents",
             EXISTS (SELECT 1 FROM "SupplierMaterial" sm JOIN "Material" m ON m."id" = sm."materialId"
                     WHERE sm."companyId" = c."id" AND m."code" = ${query.materialCode}) AS "offersMaterial",
             wc."machineHoursPerWeek",
             (SELECT json_agg(json_build_array(m."envelopeXMm", m."envelopeYMm", m."envelopeZMm"))
                FROM "Machine" m WHERE m."companyId" = c."id" AND m."process" = sp."process") AS "envelopes",
             (SELECT json_agg(json_build_object('kind', ce."kind", 'validUntil', ce."validUntil"))
                FROM "Certificate" ce WHERE ce."companyId" = c."id" AND ce."validUntil" >= ${query.today}::date) AS "certificates",
             a."status" AS "auditStatus", a."expiresAt" AS "auditExpiresAt",
             s."offersAnswered", s."offersRejected", s."offersExpired", s."linesShipped", s."linesOnTime",
             s."ratingsCount", s."ratingsStarsSum", s."complaintsCount",
             o."status" AS "previousOffer"
        FROM "SupplierProcess" sp
        JOIN "Company" c ON c."id" = sp."companyId" AND c."kind" = 'SUPPLIER'
        LEFT JOIN "WeeklyCapacity" wc ON wc."companyId" = c."id" AND wc."process" = sp."process"
        LEFT JOIN LATERAL (
          SELECT sa."status", sa."expiresAt" FROM "SupplierAudit" sa
           WHERE sa."supplierCompanyId" = c."id" AND sa."decidedAt" IS NOT NULL
           ORDER BY sa."decidedAt" DESC LIMIT 1) a ON true
        LEFT JOIN "SupplierScore" s ON s."companyId" = c."id"
        LEFT JOIN "Offer" o ON o."orderLineId" = ${query.orderLineId} AND o."supplierCompanyId" = c."id"
       WHERE sp."process" = ${query.process}::"ManufacturingProcess"`,
    db.$queryRaw<{ companyId: string; weekStart: Date; hours: number }[]>`
      SELECT r."companyId", r."weekStart", SUM(r."machineHours")::float8 AS "hours"
        FROM "CapacityReservation" r
       WHERE r."process" = ${query.process}::"ManufacturingProcess" AND r."releasedAt" IS NULL
         AND r."weekStart" BETWEEN ${firstWeek}::date AND ${query.lastDay}::date
       GROUP BY r."companyId", r."weekStart"`,
    db.$queryRaw<{ companyId: string; day: Date }[]>`
      SELECT b."companyId", b."day" FROM "BlockedDay" b
        JOIN "SupplierProcess" sp ON sp."companyId" = b."companyId" AND sp."process" = ${query.process}::"ManufacturingProcess"
       WHERE b."day" BETWEEN ${firstWeek}::date AND (${query.lastDay}::date + 7)`,
    db.company.count({ where: { kind: "SUPPLIER" } }),
  ]);

  const reservedByCompany = new Map<string, Map<IsoDate, number>>();
  for (const row of reservations) {
    let weeks = reservedByCompany.get(row.companyId);
    if (!weeks) reservedByCompany.set(row.companyId, (weeks = new Map()));
    weeks.set(isoDate(row.weekStart), Number(row.hours));
  }
  const blockedByCompany = new Map<string, Set<IsoDate>>();
  for (const row of blocked) {
    let days = blockedByCompany.get(row.companyId);
    if (!days) blockedByCompany.set(row.companyId, (days = new Set()));
    days.add(isoDate(row.day));
  }

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
      ? { status: row.auditStatus, expiresAt: row.auditExpiresAt ? isoDate(row.auditExpiresAt) : null }
      : null,
    machineHoursPerWeek: row.machineHoursPerWeek,
    reservedHoursByWeek: reservedByCompany.get(row.id) ?? new Map(),
    blockedDays: blockedByCompany.get(row.id) ?? new Set(),
    track: {
      offersAnswered: row.offersAnswered ?? 0,
      offersRejected: row.offersRejected ?? 0,
      offersExpired: row.offersExpired ?? 0,
      linesShipped: row.linesShipped ?? 0,
      linesOnTime: row.linesOnTime ?? 0,
      ratingsCount: row.ratingsCount ?? 0,
      ratingsStarsSum: row.ratingsStarsSum ?? 0,
      complaintsCount: row.complaintsCount ?? 0,
    },
    previousOffer: row.previousOffer,
  }));
  return { candidates, notOfferingProcess: suppliers - candidates.length };
}
