import {
  isWorkingDay,
  shift,
  type HolidayCalendar,
  type IsoDate,
} from "../../quoting-engine/pricing/working-days";
import type { AuditStatus, CertificateKind, CompanyStatus, OfferStatus } from "../db/generated/enums";
import { certificateShortName } from "../catalogue/certificate-names";
import { formatEuros } from "../money/format-euros";
import type { QualityFlag } from "../quality/quality-flags-of";
import { keptQualityFlagsOf } from "../quality/kept-quality-flags";
import { distanceKm, type GeoPoint } from "./distance-km";
import type { MatchingSettings } from "./matching-settings";
import type { ProbationLimits } from "./load-probations";
import { probationRefusal } from "./probation-refusal";
import {
  sheetMachineRefusal,
  type SheetLineNeeds,
  type SheetMachineCapability,
} from "./sheet-machine-refusal";
import { planFreeCapacity, windowWeeksOf, type CapacityPlan } from "./plan-free-capacity";
import { scoreCandidate, type CandidateScore, type TrackRecord } from "./score-candidate";
import { formatIsoDay } from "@/lib/dates/format-day";
import { countryName } from "../documents/country-name";

/** What the matcher needs to know about the order line it places. */
export interface LineToMatch {
  materialCode: string;
  /** "Aluminium 6061-T6": what a refusal reason names; the code when a test gives none. */
  materialName?: string;
  /** The part's bounding box edges; empty when unknown (then no envelope check). */
  partSizeMm: number[];
  estimatedMachineHours: number;
  deliveryDate: IsoDate;
  /** The platform's cost model for the line, before the supplier's cost index. */
  supplierTotalCents: number;
  /** What the buyer pays for the line, net. */
  totalPriceCents: number;
  requiredCertificates: CertificateKind[];
  requiredCountryCode: string | null;
  buyerLocation: GeoPoint | null;
  /**
   * A remake the platform pays (the buyer paid for the parts already): the supplier gets the price
   * operations set, whatever its cost index, and there is no margin to keep.
   */
  isRemake?: boolean;
  /** For a remake: the supplier whose parts are made again, who is not paid to fix them. */
  excludedSupplierId?: string | null;
  /** A laser-cut or sheet-metal line: what it asks of lasers and press brakes (issue 23). */
  sheet?: SheetLineNeeds;
}

/** One supplier that offers the line's process, with everything the rules look at. */
export interface SupplierCandidate {
  companyId: string;
  name: string;
  status: CompanyStatus;
  countryCode: string;
  location: GeoPoint | null;
  costIndex: number;
  minOrderValueCents: number | null;
  maxOrderValueCents: number | null;
  offersMaterial: boolean;
  /** Work envelopes of its machines for the process, in mm (or `partFitsMachine` instead). */
  machineEnvelopesMm?: [number, number, number][];
  /**
   * Whether one of its machines takes the part, when the loader checked the envelopes already
   * (load-match-candidates.ts does so in SQL); null when it has no machine for the process.
   */
  partFitsMachine?: boolean | null;
  certificates: { kind: CertificateKind; validUntil: IsoDate }[];
  /** Its newest decided audit. */
  audit: { status: AuditStatus; expiresAt: IsoDate | null } | null;
  machineHoursPerWeek: number | null;
  reservedHoursByWeek: ReadonlyMap<IsoDate, number>;
  blockedDays: ReadonlySet<IsoDate>;
  track: TrackRecord;
  /** How it answered an earlier offer of this same line, if it had one. */
  previousOffer: OfferStatus | null;
  /** Its open probation (an approval with conditions), if it is on one. */
  probation?: ProbationLimits | null;
  /** Its lasers and press brakes (read for sheet lines only). */
  sheetMachines?: SheetMachineCapability[];
  /**
   * The transaction that wrote the match card it was read from (load-match-candidates.ts): the card's
   * version. The matcher offers on the card's capacity while the card stays this version (decision 0123).
   */
  cardWrittenBy?: string;
}

export interface RankedCandidate extends CandidateScore {
  /** `unflaggedScore`, times `flaggedScoreFactor` when the supplier is flagged for review. */
  score: number;
  unflaggedScore: number;
  /** Why its record calls for a review (lib/quality); empty when it does not. Shared between rankings. */
  flags: readonly QualityFlag[];
  companyId: string;
  name: string;
  supplierPriceCents: number;
  /** The supplier's price ÷ the platform's cost model, kept for the decision record's price factor. */
  costIndex: number;
  distanceKm: number | null;
  capacity: CapacityPlan;
}

/** The rule a skipped supplier failed, for counting skips by cause. */
export type SkipRule =
  | "remake"
  | "offered-before"
  | "not-active"
  | "audit"
  | "material"
  | "envelope"
  | "sheet-machines"
  | "certificate"
  | "country"
  | "order-value"
  | "margin"
  | "probation"
  | "capacity";

export interface SkippedCandidate {
  companyId: string;
  name: string;
  rule: SkipRule;
  reason: string;
}

export interface Ranking {
  ranked: RankedCandidate[];
  skipped: SkippedCandidate[];
  /** The days production may use: after `today`, up to the delivery date less shipping. */
  productionWindow: { firstDay: IsoDate; lastDay: IsoDate };
}

const approvedAudits: AuditStatus[] = ["APPROVED", "APPROVED_WITH_CONDITIONS"];
const millimetres = (size: readonly number[]) => size.map((edge) => edge.toFixed(0)).join(" × ") + " mm";

/**
 * The last day production may use: `shippingWorkingDays` working days before delivery, counted with
 * `holidays` (default: Germany's national holidays; the matcher passes the platform's calendar).
 */
export function lastProductionDay(
  deliveryDate: IsoDate,
  shippingWorkingDays: number,
  holidays?: HolidayCalendar,
): IsoDate {
  let day = deliveryDate;
  let remaining = shippingWorkingDays;
  while (remaining > 0) {
    day = shift(day, -1);
    if (isWorkingDay(day, holidays)) remaining--;
  }
  return day;
}

/**
 * The days production may use for a delivery date: from tomorrow to the last production day. The
 * settings may carry the platform's holiday calendar (lib/pricing/load-platform-holiday-calendar.ts),
 * so that `rankCandidates`, which is handed the same settings, counts with the same days.
 */
export function productionWindowOf(
  deliveryDate: IsoDate,
  settings: Pick<MatchingSettings, "shippingWorkingDays"> & { holidays?: HolidayCalendar },
  today: IsoDate,
): { firstDay: IsoDate; lastDay: IsoDate } {
  return {
    firstDay: shift(today, 1),
    lastDay: lastProductionDay(deliveryDate, settings.shippingWorkingDays, settings.holidays),
  };
}

const longestFirst = (a: number, b: number) => b - a;

/** True when the part, turned any way, fits inside the envelope. */
export function fitsEnvelope(partSizeMm: readonly number[], envelopeMm: readonly number[]): boolean {
  return fitsLongestFirst([...partSizeMm].sort(longestFirst), envelopeMm);
}

/** `fitsEnvelope` for a part whose edges are sorted longest first already, for many envelopes. */
function fitsLongestFirst(partLongestFirst: readonly number[], envelopeMm: readonly number[]): boolean {
  const envelope = [...envelopeMm].sort(longestFirst);
  return partLongestFirst.every((edge, index) => edge <= (envelope[index] ?? 0) + 1e-6);
}

/** The certificates of `required` the supplier holds none of valid through `through`, in their order. */
function missingCertificates(
  required: readonly CertificateKind[],
  held: SupplierCandidate["certificates"],
  through: IsoDate,
): readonly CertificateKind[] {
  let missing: CertificateKind[] | undefined;
  for (const kind of required)
    if (!held.some((certificate) => certificate.kind === kind && certificate.validUntil >= through))
      (missing ??= []).push(kind);
  // Most suppliers hold what is asked: no array for them.
  return missing ?? noneMissing;
}

const noneMissing: readonly CertificateKind[] = [];

/**
 * The matcher's rules and ranking for one order line, without a database: which suppliers may get the
 * offer (and for each one that may not, the first rule it fails), and the others best first by
 * `scoreCandidate`, the score of a supplier flagged for review (lib/quality) cut by `flaggedScoreFactor`.
 * Ties go to the nearer supplier, then to the company id, so a ranking is repeatable.
 */
export function rankCandidates(
  line: LineToMatch,
  candidates: readonly SupplierCandidate[],
  settings: MatchingSettings,
  today: IsoDate,
): Ranking {
  const productionWindow = productionWindowOf(line.deliveryDate, settings, today);
  const windowWeeks = windowWeeksOf(productionWindow.firstDay, productionWindow.lastDay);
  const hoursNeeded = Math.max(0.1, line.estimatedMachineHours);
  // Worked out once, not per supplier: a ranking runs the rules for every supplier of the process.
  const partLongestFirst = [...line.partSizeMm].sort(longestFirst);
  const ranked: RankedCandidate[] = [];
  const skipped: SkippedCandidate[] = [];
  const skip = (candidate: SupplierCandidate, rule: SkipRule, reason: string) =>
    skipped.push({ companyId: candidate.companyId, name: candidate.name, rule, reason });

  for (const candidate of candidates) {
    const supplierPriceCents = line.isRemake
      ? line.supplierTotalCents
      : Math.round(line.supplierTotalCents * candidate.costIndex);
    if (line.excludedSupplierId === candidate.companyId) {
      skip(candidate, "remake", "made the parts being remade");
      continue;
    }
    if (candidate.previousOffer) {
      skip(
        candidate,
        "offered-before",
        `had this line's offer already (${candidate.previousOffer.toLowerCase()})`,
      );
      continue;
    }
    if (candidate.status !== "ACTIVE") {
      skip(
        candidate,
        "not-active",
        candidate.status === "PENDING_AUDIT" ? "waits for its audit" : `is ${candidate.status.toLowerCase()}`,
      );
      continue;
    }
    if (!candidate.audit || !approvedAudits.includes(candidate.audit.status)) {
      skip(candidate, "audit", "has no approved audit");
      continue;
    }
    if (candidate.audit.expiresAt !== null && candidate.audit.expiresAt < today) {
      skip(candidate, "audit", `its audit expired on ${formatIsoDay(candidate.audit.expiresAt)}`);
      continue;
    }
    if (!candidate.offersMaterial) {
      skip(candidate, "material", `does not offer ${line.materialName ?? line.materialCode}`);
      continue;
    }
    if (line.partSizeMm.length === 3) {
      const envelopes = candidate.machineEnvelopesMm ?? [];
      const fits =
        candidate.partFitsMachine !== undefined
          ? candidate.partFitsMachine
          : envelopes.length === 0
            ? null
            : envelopes.some((envelope) => fitsLongestFirst(partLongestFirst, envelope));
      if (fits !== true) {
        skip(
          candidate,
          "envelope",
          fits === null
            ? "has no machine for this process on file"
            : `the part (${millimetres(line.partSizeMm)}) fits none of its machines`,
        );
        continue;
      }
    }
    const sheetRefusal = line.sheet ? sheetMachineRefusal(line.sheet, candidate.sheetMachines ?? []) : null;
    if (sheetRefusal) {
      skip(candidate, "sheet-machines", sheetRefusal);
      continue;
    }
    const missing = missingCertificates(line.requiredCertificates, candidate.certificates, line.deliveryDate);
    if (missing.length > 0) {
      skip(
        candidate,
        "certificate",
        `holds no ${missing.map(certificateShortName).join(", ")} valid through ${formatIsoDay(line.deliveryDate)}`,
      );
      continue;
    }
    if (line.requiredCountryCode && candidate.countryCode !== line.requiredCountryCode) {
      skip(
        candidate,
        "country",
        `produces in ${countryName(candidate.countryCode)}; the order asks for ${countryName(line.requiredCountryCode)}`,
      );
      continue;
    }
    if (candidate.minOrderValueCents !== null && supplierPriceCents < candidate.minOrderValueCents) {
      skip(
        candidate,
        "order-value",
        `the job (${formatEuros(supplierPriceCents)}) is below its minimum order value of ${formatEuros(candidate.minOrderValueCents)}`,
      );
      continue;
    }
    if (candidate.maxOrderValueCents !== null && supplierPriceCents > candidate.maxOrderValueCents) {
      skip(
        candidate,
        "order-value",
        `the job (${formatEuros(supplierPriceCents)}) is above its maximum order value of ${formatEuros(candidate.maxOrderValueCents)}`,
      );
      continue;
    }
    const onProbation = probationRefusal(candidate.probation, supplierPriceCents, today);
    if (onProbation) {
      skip(candidate, "probation", onProbation);
      continue;
    }
    if (!line.isRemake && supplierPriceCents >= line.totalPriceCents) {
      skip(
        candidate,
        "margin",
        `its price (${formatEuros(supplierPriceCents)}) leaves no margin on ${formatEuros(line.totalPriceCents)}`,
      );
      continue;
    }
    if (!candidate.machineHoursPerWeek) {
      skip(candidate, "capacity", "has no weekly capacity set for this process");
      continue;
    }
    const capacity = planFreeCapacity({
      machineHoursPerWeek: candidate.machineHoursPerWeek,
      reservedHoursByWeek: candidate.reservedHoursByWeek,
      blockedDays: candidate.blockedDays,
      // Written out rather than spread (decision 0119: a spread per supplier, as in 0074).
      firstDay: productionWindow.firstDay,
      lastDay: productionWindow.lastDay,
      windowWeeks,
      hoursNeeded,
    });
    if (!capacity.fits) {
      skip(
        candidate,
        "capacity",
        productionWindow.lastDay < productionWindow.firstDay
          ? `no production days are left before ${formatIsoDay(line.deliveryDate)}`
          : `has ${capacity.freeHours.toFixed(1)} of the ${hoursNeeded.toFixed(1)} machine hours free by ${formatIsoDay(productionWindow.lastDay)}`,
      );
      continue;
    }
    const distance =
      line.buyerLocation && candidate.location ? distanceKm(line.buyerLocation, candidate.location) : null;
    const scored = scoreCandidate(
      {
        track: candidate.track,
        utilisation: capacity.utilisation,
        distanceKm: distance,
        costIndex: candidate.costIndex,
      },
      settings,
    );
    // A flagged supplier still gets offers, but only when no unflagged one scores close to it. Worked out
    // once per kept track record (decision 0119).
    const flags = keptQualityFlagsOf(candidate.track, settings.qualityThresholds);
    // Written out rather than spread from `scored`: under tsx a spread costs about 10 µs per supplier
    // (decision 0074), 10 ms for a thousand.
    ranked.push({
      companyId: candidate.companyId,
      name: candidate.name,
      supplierPriceCents,
      costIndex: candidate.costIndex,
      distanceKm: distance,
      capacity,
      parts: scored.parts,
      rates: scored.rates,
      score: flags.length > 0 ? scored.score * settings.flaggedScoreFactor : scored.score,
      unflaggedScore: scored.score,
      flags,
    });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.companyId.localeCompare(b.companyId),
  );
  return { ranked, skipped, productionWindow };
}
