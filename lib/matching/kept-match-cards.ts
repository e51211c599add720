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
const cardFieldCount = 7;

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
  /** The card row's version: the transaction that wrote it (xmin) and its place (ctid). */
  xmin: string;
  ctid: string;
}

/**
 * The cards read so far, by process and supplier, with the version each was read in (issue 22): most cards
 * are unchanged from one match to the next, and reading one again is a dozen objects per supplier for the
 * garbage collector, besides the database putting its text together and sending it. Only what does not
 * depend on the line is kept; the read sends a card's text only when its version is not the kept one.
 * Emptied when it holds `cardSuppliersLimit` cards (a few MB).
 */
const cardSuppliers = new Map<ManufacturingProcess, Map<string, CardSupplier>>();
let cardSuppliersCount = 0;
const cardSuppliersLimit = 50_000;

export function keptCardsOf(process: ManufacturingProcess): Map<string, CardSupplier> {
  if (cardSuppliersCount >= cardSuppliersLimit) {
    cardSuppliers.clear();
    cardSuppliersCount = 0;
  }
  let kept = cardSuppliers.get(process);
  if (!kept) cardSuppliers.set(process, (kept = new Map()));
  return kept;
}

/**
 * The supplier of a row of the read whose line fields end at `from`: as sent with the read when the row
 * leaves the card out, else read from the row's card text and kept.
 */
export function supplierOfRow(
  row: string,
  from: number,
  sent: ReadonlyMap<string, CardSupplier>,
  kept: Map<string, CardSupplier>,
): CardSupplier {
  const idEnd = row.indexOf("|", from + 1);
  const id = row.slice(from + 1, idEnd);
  if (idEnd === row.length - 1) return sent.get(id)!;
  const supplier = supplierOfCard(id, row.slice(idEnd + 1));
  if (!kept.has(supplier.fixed.companyId)) cardSuppliersCount++;
  kept.set(supplier.fixed.companyId, supplier);
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
  const countryCode = field(2);
  const facts = field(3).split(",");
  const machines = field(4);
  const certificates = field(5);
  const blocked = field(6);
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
    xmin: field(0),
    ctid: field(1),
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
