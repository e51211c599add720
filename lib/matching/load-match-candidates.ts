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
  /**
   * The card as it is, whatever the line: its `facts` (comma-separated, `cardFacts`), then after "|" each
   * its machines, its certificates and its blocked days; NULL is an empty field.
   */
  card: string;
  /**
   * What depends on the line, "|"-separated: the material offered (1 or empty), the earlier offer's status
   * and the held hours of the window's weeks (";"-separated).
   */
  line: string;
  /** [maxOrderValueCents, maxOpenJobs, conditionsDueOn, openJobs] of an open probation. */
  probation: [number | null, number | null, IsoDate, number] | null;
}

/**
 * A row as the read returns it: the supplier's id, country, the line's fields and the card in one text
 * (`CandidateRow`), "|"-separated, beside the texts a supplier types (name, region). Four columns instead
 * of seven: Prisma decodes every value of a raw read on its own, 7,000 at 1,000 suppliers (issue 22).
 */
interface ReadRow {
  name: string;
  region: string | null;
  fields: string;
  probation: CandidateRow["probation"];
}

/** The id, the country and the line's three fields come before the card in `ReadRow.fields`. */
const fieldsBeforeCard = 5;

function candidateRowOf(read: ReadRow): CandidateRow {
  const { fields } = read;
  const ends: number[] = [];
  let from = 0;
  for (let index = 0; index < fieldsBeforeCard; index++) {
    from = fields.indexOf("|", from);
    ends.push(from);
    from++;
  }
  return {
    id: fields.slice(0, ends[0]),
    name: read.name,
    countryCode: fields.slice(ends[0]! + 1, ends[1]),
    region: read.region,
    card: fields.slice(ends[4]! + 1),
    line: fields.slice(ends[1]! + 1, ends[4]),
    probation: read.probation,
  };
}

/** The card's `facts` in order (migration 202612120401_supplier_match_cards, refresh_supplier_match_cards). */
const cardFacts = [
  "status",
  "latitude",
  "longitude",
  "costIndex",
  "minOrderValueCents",
  "maxOrderValueCents",
  "machineHoursPerWeek",
  "auditStatus",
  "auditExpiresAt",
  "scored",
  "offersAnswered",
] as const;
const at = Object.fromEntries(cardFacts.map((name, index) => [name, index])) as Record<
  (typeof cardFacts)[number],
  number
>;
/** Where the card's fields after its facts are, and the line's fields. */
const card = { machines: 1, certificates: 2, blocked: 3 };
const line = { offersMaterial: 0, previousOffer: 1, held: 2 };
const numberOrNull = (field: string) => (field === "" ? null : Number(field));
const textOrNull = (field: string) => (field === "" ? null : field);

/**
 * Every supplier that offers `process`, with what the matcher's rules need: material, whether a machine
 * takes the part, the required certificates valid through delivery, newest decided audit, weekly
 * capacity, track record, open probation, an earlier offer of this line, and its held hours and blocked
 * days in the production window. One query whatever the number of suppliers. Also counts the suppliers
 * that do not offer the process, for the decision record.
 *
 * Issue 22 (decision 0074): the suppliers are read from their match cards (SupplierMatchCard, one row per
 * supplier and process, kept current by the database's triggers on the tables they come from), so the read
 * is one scan with no joins and no sum over a year of reservations. Only the earlier offer of this line
 * and a probation's open jobs, which change with other suppliers' and lines' states, are looked up as it
 * runs. The values arrive as one text per supplier, split here.
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
  const lastBlockedDay = shift(query.lastDay, 7);
  // The Mondays from the first day's week to the last day: the weeks of the window, and the weeks whose
  // reservations the read covers even when the window is empty.
  const heldWeekStarts: IsoDate[] = [];
  for (let weekStart = firstWeek; weekStart <= query.lastDay; weekStart = shift(weekStart, 7))
    heldWeekStarts.push(weekStart);
  const heldByWeek =
    heldWeekStarts.length > 0
      ? Prisma.sql`concat_ws(';', ${Prisma.join(
          heldWeekStarts.map(
            (weekStart) => Prisma.sql`COALESCE(card."heldHoursByWeek" ->> ${weekStart}, '')`,
          ),
        )})`
      : Prisma.sql`''`;
  const read = await db.$queryRaw<ReadRow[]>`/* prepared */
      SELECT card."name", card."region",
             concat(card."companyId", '|', card."countryCode", '|',
                    (card."materialIds" @> ARRAY[(SELECT m."id" FROM "Material" m WHERE m."code" = ${query.materialCode})])::int,
                    '|', o."status", '|', ${heldByWeek},
                    '|', card."facts", '|', card."machineEnvelopesMm", '|', card."certificates", '|', card."blockedDays") AS "fields",
             CASE WHEN card."probation" IS NOT NULL THEN jsonb_build_array(
               card."probation" -> 0, card."probation" -> 1, card."probation" -> 2,
               -- Its offers waiting for an answer and its accepted jobs not yet shipped, as loadProbations counts.
               (SELECT count(*) FROM "Offer" po WHERE po."supplierCompanyId" = card."companyId" AND po."status" = 'PENDING')
             + (SELECT count(*) FROM "OrderLine" pl WHERE pl."supplierCompanyId" = card."companyId"
                   AND pl."status" IN ('ACCEPTED', 'IN_PRODUCTION', 'QUALITY_CHECK'))) END AS "probation"
        FROM "SupplierMatchCard" card
        LEFT JOIN (SELECT DISTINCT ON ("supplierCompanyId") "supplierCompanyId", "status" FROM "Offer"
                    WHERE "orderLineId" = ${query.orderLineId} AND "status"::text NOT IN (${Prisma.join(notExcludingOfferStatuses)})
                    ORDER BY "supplierCompanyId", "createdAt" DESC) o ON o."supplierCompanyId" = card."companyId"
       WHERE card."process" = ${query.process}::"ManufacturingProcess"`;

  // Issue 21: public holidays of the supplier's country and region and the platform's closure days are
  // no capacity. One set per country and region, shared by its suppliers without blocked days of their own.
  const closureDays = query.closureDays ?? (await loadClosureDays(db));
  const supplierCount = query.supplierCount ?? (await db.company.count({ where: { kind: "SUPPLIER" } }));
  const daysOffByPlace = new Map<string, ReadonlySet<IsoDate>>();
  const blockedDaysOf = (row: CandidateRow, blocked: readonly IsoDate[]): ReadonlySet<IsoDate> => {
    const place = `${row.countryCode}|${row.region ?? ""}`;
    let daysOff = daysOffByPlace.get(place);
    if (!daysOff) {
      const days = daysOffBetween(row, closureDays, firstWeek, lastBlockedDay).map((entry) => entry.day);
      daysOff = days.length > 0 ? new Set(days) : noBlockedDays;
      daysOffByPlace.set(place, daysOff);
    }
    // The card holds every blocked day; those from the first week's Monday to a week after the last day count.
    const own = blocked.filter((day) => day >= firstWeek && day <= lastBlockedDay);
    return own.length > 0 ? new Set([...daysOff, ...own]) : daysOff;
  };
  const partLongestFirst = [...query.partSizeMm].sort((a, b) => b - a);
  const required = new Set(query.requiredCertificates);
  const candidates = read.map((readRow): SupplierCandidate => {
    const row = candidateRowOf(readRow);
    const supplier = supplierOfCard(query.process, row);
    const { fixed } = supplier;
    const fields = row.line.split("|");
    // Written out rather than spread from `fixed`: a spread object costs about ten times as much here.
    return {
      companyId: fixed.companyId,
      name: fixed.name,
      status: fixed.status,
      countryCode: fixed.countryCode,
      location: fixed.location,
      costIndex: fixed.costIndex,
      minOrderValueCents: fixed.minOrderValueCents,
      maxOrderValueCents: fixed.maxOrderValueCents,
      audit: fixed.audit,
      machineHoursPerWeek: fixed.machineHoursPerWeek,
      track: fixed.track,
      offersMaterial: fields[line.offersMaterial] === "1",
      partFitsMachine: machineTakesPart(supplier.machineEnvelopesMm, partLongestFirst),
      certificates: validRequiredCertificates(supplier.certificates, required, query.deliveryDate),
      reservedHoursByWeek: heldHoursByWeek(heldWeekStarts, fields[line.held]!),
      blockedDays: blockedDaysOf(row, supplier.blockedDays),
      previousOffer: textOrNull(fields[line.previousOffer]!) as OfferStatus | null,
      probation: row.probation
        ? {
            maxOrderValueCents: row.probation[0],
            maxOpenJobs: row.probation[1],
            conditionsDueOn: row.probation[2],
            openJobs: Number(row.probation[3]),
          }
        : null,
    };
  });
  return { candidates, notOfferingProcess: supplierCount - candidates.length };
}

/** What a card says whatever the line, read once per card text (`supplierOfCard`). */
interface CardSupplier {
  fixed: Pick<
    SupplierCandidate,
    | "companyId"
    | "name"
    | "status"
    | "countryCode"
    | "location"
    | "costIndex"
    | "minOrderValueCents"
    | "maxOrderValueCents"
    | "audit"
    | "machineHoursPerWeek"
    | "track"
  >;
  /** Its machines' envelopes, edges longest first; empty without a machine for the process. */
  machineEnvelopesMm: number[][];
  certificates: { kind: CertificateKind; validUntil: IsoDate }[];
  /** Every blocked day, in order. */
  blockedDays: IsoDate[];
  /** The row it was read from, to tell whether the card changed. */
  row: Pick<CandidateRow, "name" | "countryCode" | "region" | "card">;
}

/**
 * The cards read so far, by process and supplier, with the row each was read from (issue 22): most cards
 * are unchanged from one match to the next, and reading one again is a dozen objects per supplier for the
 * garbage collector. Only what does not depend on the line is kept; a card whose row changed is read
 * again. Emptied when it holds `cardSuppliersLimit` (a few MB).
 */
const cardSuppliers = new Map<string, CardSupplier>();
const cardSuppliersLimit = 50_000;

function supplierOfCard(process: ManufacturingProcess, row: CandidateRow): CardSupplier {
  const key = `${process}|${row.id}`;
  const kept = cardSuppliers.get(key);
  if (
    kept &&
    kept.row.card === row.card &&
    kept.row.name === row.name &&
    kept.row.countryCode === row.countryCode &&
    kept.row.region === row.region
  )
    return kept;
  const fields = row.card.split("|");
  const facts = fields[0]!.split(",");
  const auditStatus = facts[at.auditStatus]!;
  const machines = fields[card.machines]!;
  const certificates = fields[card.certificates]!;
  const blocked = fields[card.blocked]!;
  const supplier: CardSupplier = {
    fixed: {
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
      audit: auditStatus
        ? { status: auditStatus as AuditStatus, expiresAt: textOrNull(facts[at.auditExpiresAt]!) }
        : null,
      machineHoursPerWeek: numberOrNull(facts[at.machineHoursPerWeek]!),
      track: facts[at.scored] === "1" ? trackRecordOf(facts, at.offersAnswered) : emptyTrackRecord,
    },
    machineEnvelopesMm: machines ? machines.split(";").map((machine) => machine.split(" ").map(Number)) : [],
    certificates: certificates
      ? certificates.split(" ").map((certificate) => {
          const [kind, validUntil] = certificate.split(":") as [CertificateKind, IsoDate];
          return { kind, validUntil };
        })
      : [],
    blockedDays: blocked ? blocked.split(" ") : [],
    row: { name: row.name, countryCode: row.countryCode, region: row.region, card: row.card },
  };
  if (cardSuppliers.size >= cardSuppliersLimit) cardSuppliers.clear();
  cardSuppliers.set(key, supplier);
  return supplier;
}

/**
 * Whether one of the machines (edges longest first) takes the part, turned any way (rank-candidates.ts
 * fitsEnvelope, with its tolerance); null without a machine, true without the part's three edges.
 */
function machineTakesPart(machines: number[][], partLongestFirst: readonly number[]): boolean | null {
  if (machines.length === 0) return null;
  if (partLongestFirst.length !== 3) return true;
  return machines.some((edges) =>
    partLongestFirst.every((edge, index) => edge <= (edges[index] ?? 0) + 1e-6),
  );
}

/**
 * The certificates of a required kind valid through the delivery date, each with that date as
 * `validUntil`: exactly what the certificate rule asks (rank-candidates.ts).
 */
function validRequiredCertificates(
  certificates: readonly { kind: CertificateKind; validUntil: IsoDate }[],
  required: ReadonlySet<CertificateKind>,
  deliveryDate: IsoDate,
): SupplierCandidate["certificates"] {
  if (required.size === 0) return noCertificates;
  const valid: SupplierCandidate["certificates"] = [];
  for (const { kind, validUntil } of certificates)
    if (required.has(kind) && validUntil >= deliveryDate) valid.push({ kind, validUntil: deliveryDate });
  return valid.length > 0 ? valid : noCertificates;
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
  let byWeek: Map<IsoDate, number> | undefined;
  const hours = held.split(";");
  for (let index = 0; index < weekStarts.length; index++)
    if (hours[index]) (byWeek ??= new Map()).set(weekStarts[index]!, Number(hours[index]));
  return byWeek ?? noHeldHours;
}
