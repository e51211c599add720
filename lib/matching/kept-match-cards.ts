import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import type {
  AuditStatus,
  CertificateKind,
  CompanyStatus,
  ManufacturingProcess,
} from "../db/generated/enums";
import { locationOf } from "./distance-km";
import type { SupplierCandidate } from "./rank-candidates";
import { emptyTrackRecord } from "./score-candidate";

/** The fields of a card's text before its [name, region] (load-match-candidates.ts). */
const cardFieldCount = 6;

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
export const numberOrNull = (field: string) => (field === "" ? null : Number(field));
export const textOrNull = (field: string) => (field === "" ? null : field);

/** What a card says whatever the line, read once per card version (`supplierOfRow`). */
export interface CardSupplier {
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
  /** The region (for public holidays). */
  region: string | null;
  /** The transaction that wrote the card (SupplierMatchCard.writtenBy): its version. */
  writtenBy: string;
}

/**
 * The cards one process's reads have kept (issue 22, decision 0123), by supplier, with the snapshot of the
 * read that kept them: every card of the process that snapshot saw is in `cards` as that version. A card
 * whose writer (SupplierMatchCard.writtenBy) the snapshot saw is the kept one, so the next read leaves its
 * text out; only the cards written since are read again. Most cards are unchanged from one match to the
 * next, and reading one is a dozen objects per supplier for the garbage collector, besides the database
 * putting its text together and sending it. Only what does not depend on the line is kept. Never changed
 * in place: a read that ends replaces the kept cards of its process, so a read still running keeps the
 * ones it started with.
 */
export interface KeptCards {
  readonly cards: ReadonlyMap<string, CardSupplier>;
  /** The read's snapshot; null before the first read (then every card's text is read). */
  readonly snapshot: CardSnapshot | null;
}

/** A snapshot's bounds as pg_current_snapshot() gives them ("xmin:xmax:xip,…"), as numbers. */
export interface CardSnapshot {
  /** Every transaction before it had ended. */
  xmin: bigint;
  /** No transaction from it on had started. */
  xmax: bigint;
  /** The transactions between them still running. */
  running: bigint[];
}

const keptCards = new Map<ManufacturingProcess, KeptCards>();
/** All processes' kept cards are let go when they hold this many (a few MB). */
const keptCardsLimit = 50_000;

export function keptCardsOf(process: ManufacturingProcess): KeptCards {
  let kept = keptCards.get(process);
  if (!kept) keptCards.set(process, (kept = { cards: new Map(), snapshot: null }));
  return kept;
}

/**
 * Keeps what a read of `process` gave, when the kept cards are still those it started with (`from`):
 * those and the cards it read anew (`read`), under its snapshot. A read that ran beside another one that
 * ended first keeps nothing (the next read reads its cards again), and so does a read whose transaction
 * wrote cards itself: they are not committed and may still roll back.
 */
export function keepCards(
  process: ManufacturingProcess,
  from: KeptCards,
  read: { cards: ReadonlyMap<string, CardSupplier>; snapshot: CardSnapshot; ownCards: boolean },
): void {
  if (keptCards.get(process) !== from || read.ownCards) return;
  let cards = from.cards;
  if (read.cards.size > 0) {
    const merged = new Map(from.cards);
    for (const [id, card] of read.cards) merged.set(id, card);
    cards = merged;
  }
  let count = 0;
  for (const [other, kept] of keptCards) if (other !== process) count += kept.cards.size;
  if (count + cards.size > keptCardsLimit) keptCards.clear();
  keptCards.set(process, { cards, snapshot: read.snapshot });
}

/** Lets every kept card go: the next reads read all cards again. */
export function forgetKeptCards(): void {
  keptCards.clear();
}

/** A snapshot as pg_current_snapshot()::text writes it: "xmin:xmax:xip1,xip2,…". */
export function cardSnapshotOf(text: string): CardSnapshot {
  const [xmin, xmax, running = ""] = text.split(":");
  return {
    xmin: BigInt(xmin!),
    xmax: BigInt(xmax!),
    running: running ? running.split(",").map((xid) => BigInt(xid)) : [],
  };
}

/**
 * The supplier of a row of the read whose line fields end at `from`: the kept card when the row leaves the
 * card out (undefined if none is kept, which a consistent kept state never has), else read from the row's
 * card text and added to `read`.
 */
export function supplierOfRow(
  row: string,
  from: number,
  kept: ReadonlyMap<string, CardSupplier>,
  read: Map<string, CardSupplier>,
): CardSupplier | undefined {
  const idEnd = row.indexOf("|", from + 1);
  const id = row.slice(from + 1, idEnd);
  if (idEnd === row.length - 1) return kept.get(id);
  const supplier = supplierOfCard(id, row.slice(idEnd + 1));
  read.set(supplier.fixed.companyId, supplier);
  return supplier;
}

/** A copy of a slice of the read's text: the slice itself would keep all of that text alive while kept. */
const copyOf = (slice: string) => Buffer.from(slice, "utf8").toString("utf8");

/** What a card's text says, from its version on (load-match-candidates.ts). */
function supplierOfCard(id: string, card: string): CardSupplier {
  const text = copyOf(card);
  const ends = [text.indexOf("|")];
  for (let index = 1; index < cardFieldCount; index++) ends.push(text.indexOf("|", ends[index - 1]! + 1));
  const field = (index: number) => text.slice(index === 0 ? 0 : ends[index - 1]! + 1, ends[index]);
  const countryCode = field(1);
  const facts = field(2).split(",");
  const machines = field(3);
  const certificates = field(4);
  const blocked = field(5);
  const [name, region] = JSON.parse(text.slice(ends[cardFieldCount - 1]! + 1)) as [string, string | null];
  const auditStatus = facts[at.auditStatus]!;
  return {
    fixed: {
      companyId: copyOf(id),
      name,
      status: facts[at.status] as CompanyStatus,
      countryCode,
      location: locationOf({
        countryCode,
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
    region,
    writtenBy: field(0),
  };
}

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
