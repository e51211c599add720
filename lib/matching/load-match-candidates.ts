import { type IsoDate, shift, weekStartOf } from "../../quoting-engine/pricing/working-days";
import type { CertificateKind, ManufacturingProcess, OfferStatus } from "../db/generated/enums";
import { Prisma } from "../db/generated/client";
import type { Database, TransactionClient } from "../db/prisma";
import { queryRawRows } from "../db/transaction-pg-client";
import { daysOffBetween } from "./days-off";
import { loadClosureDays } from "./load-closure-days";
import type { SupplierCandidate } from "./rank-candidates";
import {
  cardSnapshotOf,
  forgetKeptCards,
  keepCards,
  keptCardsOf,
  numberOrNull,
  supplierOfRow,
  textOrNull,
  type CardSnapshot,
  type CardSupplier,
  type KeptCards,
} from "./kept-match-cards";

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
const sawNothing: CardSnapshot = { xmin: 0n, xmax: 0n, running: [] };

/**
 * The read returns every supplier of the process as one text (issue 22): a row per supplier, "\n"
 * between rows. Each row holds what depends on the line, then the card, "|"-separated:
 *
 *     material offered (1 or empty) | earlier offer's status | held hours of the window's weeks (";") |
 *     probation (maxOrderValueCents,maxOpenJobs,conditionsDueOn,openJobs; empty without) | id |
 *     the card's writer (its version) | country | facts (`cardFacts`, ",") | machines | certificates |
 *     blocked days | [name, region]
 *
 * A row ends after the id when the card is the one this process kept: its writer had ended by the kept
 * cards' snapshot (kept-match-cards.ts, decision 0123). The last field is JSON: name and region are texts a supplier types, which may hold
 * "|"; JSON escapes every line break, and nothing else in a row can hold "|" or "\n". One value instead
 * of 4,000 at 1,000 suppliers (the driver and Prisma decode each value on its own), and an unchanged card
 * is neither put together by the database nor decoded here again.
 */
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
 * runs. All of it arrives as one text, split here.
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
  let read = await readCards(db, query, heldByWeek, keptCardsOf(query.process));
  if (!read) {
    // A row left out a card that is not kept (a database restored under a running app): read them all.
    forgetKeptCards();
    read = (await readCards(db, query, heldByWeek, keptCardsOf(query.process)))!;
  }
  const { rows, suppliers } = read;

  // Issue 21: public holidays of the supplier's country and region and the platform's closure days are
  // no capacity. One set per country and region, shared by its suppliers without blocked days of their own.
  const closureDays = query.closureDays ?? (await loadClosureDays(db));
  const supplierCount = query.supplierCount ?? (await db.company.count({ where: { kind: "SUPPLIER" } }));
  const daysOffByPlace = new Map<string, ReadonlySet<IsoDate>>();
  const blockedDaysOf = (supplier: CardSupplier): ReadonlySet<IsoDate> => {
    const place = `${supplier.fixed.countryCode}|${supplier.region ?? ""}`;
    let daysOff = daysOffByPlace.get(place);
    if (!daysOff) {
      const days = daysOffBetween(
        { countryCode: supplier.fixed.countryCode, region: supplier.region },
        closureDays,
        firstWeek,
        lastBlockedDay,
      ).map((entry) => entry.day);
      daysOff = days.length > 0 ? new Set(days) : noBlockedDays;
      daysOffByPlace.set(place, daysOff);
    }
    // The card holds every blocked day; those from the first week's Monday to a week after the last day
    // count. Most suppliers have none there: no array for them (decision 0119).
    let own: IsoDate[] | undefined;
    for (const day of supplier.blockedDays)
      if (day >= firstWeek && day <= lastBlockedDay) (own ??= []).push(day);
    return own ? new Set([...daysOff, ...own]) : daysOff;
  };
  const partLongestFirst = [...query.partSizeMm].sort((a, b) => b - a);
  const required = new Set(query.requiredCertificates);
  const candidates = rows.map((row, index): SupplierCandidate => {
    // Where the row's four line fields end: four numbers, not an array per row (decision 0119).
    const materialEnd = row.indexOf("|");
    const offerEnd = row.indexOf("|", materialEnd + 1);
    const heldEnd = row.indexOf("|", offerEnd + 1);
    const probationEnd = row.indexOf("|", heldEnd + 1);
    const supplier = suppliers[index]!;
    const { fixed } = supplier;
    const probation = row.slice(heldEnd + 1, probationEnd);
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
      offersMaterial: row.startsWith("1|"),
      partFitsMachine: machineTakesPart(supplier.machineEnvelopesMm, partLongestFirst),
      certificates: validRequiredCertificates(supplier.certificates, required, query.deliveryDate),
      reservedHoursByWeek: heldHoursByWeek(heldWeekStarts, row, offerEnd + 1, heldEnd),
      blockedDays: blockedDaysOf(supplier),
      previousOffer:
        offerEnd > materialEnd + 1 ? (row.slice(materialEnd + 1, offerEnd) as OfferStatus) : null,
      probation: probation ? probationOf(probation) : null,
      cardWrittenBy: supplier.writtenBy,
    };
  });
  return { candidates, notOfferingProcess: supplierCount - candidates.length };
}

/**
 * The read (see above), with the supplier of each row: its kept card or the card read anew. Keeps what it
 * read (keepCards). Null when a row left out a card `kept` does not hold.
 */
async function readCards(
  db: Database | TransactionClient,
  query: { orderLineId: string; process: ManufacturingProcess; materialCode: string },
  heldByWeek: Prisma.Sql,
  kept: KeptCards,
): Promise<{ rows: string[]; suppliers: CardSupplier[] } | null> {
  // Whether the card is one the kept cards' snapshot saw: its writer had ended before it (decision 0123).
  // Before the first read, a snapshot that saw nothing: one statement to prepare either way.
  const snapshot = kept.snapshot ?? sawNothing;
  const visible = Prisma.sql`(card."writtenBy" < ${snapshot.xmin}::bigint
    OR (card."writtenBy" < ${snapshot.xmax}::bigint AND card."writtenBy" <> ALL (${snapshot.running}::bigint[])))`;
  const [read] = await queryRawRows<{ cards: string | null; snapshot: string; ownCards: boolean | null }>(
    db,
    Prisma.sql`/* prepared */
      SELECT string_agg(concat(
               (card."materialIds" @> ARRAY[(SELECT m."id" FROM "Material" m WHERE m."code" = ${query.materialCode})])::int,
               '|', o."status", '|', ${heldByWeek}, '|',
               CASE WHEN card."probation" IS NOT NULL THEN concat(
                 card."probation" ->> 0, ',', card."probation" ->> 1, ',', card."probation" ->> 2, ',',
                 -- Its offers waiting for an answer and its accepted jobs not yet shipped, as loadProbations counts.
                 (SELECT count(*) FROM "Offer" po WHERE po."supplierCompanyId" = card."companyId" AND po."status" = 'PENDING')
               + (SELECT count(*) FROM "OrderLine" pl WHERE pl."supplierCompanyId" = card."companyId"
                     AND pl."status" IN ('ACCEPTED', 'IN_PRODUCTION', 'QUALITY_CHECK'))) END,
               '|', card."companyId", '|',
               -- The card's writer names its version (decision 0123).
               CASE WHEN NOT ${visible} THEN concat(
                 card."writtenBy", '|', card."countryCode", '|', card."facts", '|',
                 card."machineEnvelopesMm", '|', card."certificates", '|', card."blockedDays", '|',
                 json_build_array(card."name", card."region")) END),
             chr(10)) AS "cards",
             pg_current_snapshot()::text AS "snapshot",
             bool_or(card."writtenBy" = (SELECT pg_current_xact_id_if_assigned()::text::bigint)) AS "ownCards"
        FROM "SupplierMatchCard" card
        LEFT JOIN (SELECT DISTINCT ON ("supplierCompanyId") "supplierCompanyId", "status" FROM "Offer"
                    WHERE "orderLineId" = ${query.orderLineId} AND "status"::text NOT IN (${Prisma.join(notExcludingOfferStatuses)})
                    ORDER BY "supplierCompanyId", "createdAt" DESC) o ON o."supplierCompanyId" = card."companyId"
       WHERE card."process" = ${query.process}::"ManufacturingProcess"`,
  );
  const rows = read?.cards ? read.cards.split("\n") : [];
  const fresh = new Map<string, CardSupplier>();
  const suppliers: CardSupplier[] = [];
  for (const row of rows) {
    let probationEnd = -1;
    for (let field = 0; field < 4; field++) probationEnd = row.indexOf("|", probationEnd + 1);
    const supplier = supplierOfRow(row, probationEnd, kept.cards, fresh);
    if (!supplier) return null;
    suppliers.push(supplier);
  }
  keepCards(query.process, kept, {
    cards: fresh,
    snapshot: cardSnapshotOf(read!.snapshot),
    ownCards: read!.ownCards === true,
  });
  return { rows, suppliers };
}

/** An open probation as the read gives it: "maxOrderValueCents,maxOpenJobs,conditionsDueOn,openJobs". */
function probationOf(text: string): SupplierCandidate["probation"] {
  const [maxOrderValueCents, maxOpenJobs, conditionsDueOn, openJobs] = text.split(",") as [
    string,
    string,
    string,
    string,
  ];
  return {
    maxOrderValueCents: numberOrNull(maxOrderValueCents),
    maxOpenJobs: numberOrNull(maxOpenJobs),
    conditionsDueOn: textOrNull(conditionsDueOn) as IsoDate,
    openJobs: Number(openJobs),
  };
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

/**
 * A supplier's held hours as planFreeCapacity reads them: by week, only the weeks that hold any. `held` is
 * the row's text from `from` to `to`, the weeks' hours ";"-separated, empty for a week without; read in
 * place rather than split (issue 22: an array and a string per week and supplier for the collector).
 */
function heldHoursByWeek(
  weekStarts: IsoDate[],
  row: string,
  from: number,
  to: number,
): ReadonlyMap<IsoDate, number> {
  let byWeek: Map<IsoDate, number> | undefined;
  let start = from;
  for (let index = 0; index < weekStarts.length && start <= to; index++) {
    let end = row.indexOf(";", start);
    if (end === -1 || end > to) end = to;
    if (end > start) (byWeek ??= new Map()).set(weekStarts[index]!, Number(row.slice(start, end)));
    start = end + 1;
  }
  return byWeek ?? noHeldHours;
}
