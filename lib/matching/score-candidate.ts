import type { MatchingSettings } from "./matching-settings";

/** A supplier's record over the last 365 days (SupplierScore without its key and timestamp). */
export interface TrackRecord {
  offersAnswered: number;
  offersRejected: number;
  offersExpired: number;
  linesShipped: number;
  linesOnTime: number;
  ratingsCount: number;
  ratingsStarsSum: number;
  complaintsCount: number;
  complaintsUpheld: number;
  /** Mean hours from offer to answer over its answered offers; null without any. */
  meanResponseHours: number | null;
}

export const emptyTrackRecord: TrackRecord = {
  offersAnswered: 0,
  offersRejected: 0,
  offersExpired: 0,
  linesShipped: 0,
  linesOnTime: 0,
  ratingsCount: 0,
  ratingsStarsSum: 0,
  complaintsCount: 0,
  complaintsUpheld: 0,
  meanResponseHours: null,
};

export interface ScoreInput {
  track: TrackRecord;
  /** Held share of the supplier's capacity in the weeks up to the delivery date (0…1). */
  utilisation: number;
  /** Null when neither side's location is known. */
  distanceKm: number | null;
  costIndex: number;
}

export type ScoreParts = Record<keyof MatchingSettings["weights"], number>;

export interface CandidateScore {
  /** The weighted mean of the parts, 0…1. */
  score: number;
  parts: ScoreParts;
  /** The smoothed rates the parts come from, for the decision record. */
  rates: { onTimeRate: number; meanStars: number; rejectionRate: number; complaintRate: number };
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * The parts in the order the score sums them, the order of `parts` below. A constant list rather than Object.entries per call: the matcher scores every
 * capable supplier of a line. The check below fails to compile when a weight is added without a name here.
 */
export const scorePartNames = [
  "onTimeDelivery",
  "rating",
  "rejectionRate",
  "complaintRate",
  "utilisation",
  "distance",
  "cost",
] as const satisfies readonly (keyof ScoreParts)[];
const everyPartNamed: Exclude<keyof ScoreParts, (typeof scorePartNames)[number]> extends never
  ? true
  : false = true;
void everyPartNamed;

/** A rate smoothed towards its prior, worth `priorWeight` orders. */
function smoothed(hits: number, total: number, prior: number, priorWeight: number): number {
  return total + priorWeight > 0 ? (hits + prior * priorWeight) / (total + priorWeight) : prior;
}

/**
 * One supplier's score for one order line (docs/decisions/0010-matching.md). Rates are smoothed towards
 * the settings' priors, worth `priorWeight` orders, so a newcomer starts near the prior rather than at
 * 0 % or 100 %. Each part runs from 0 to 1; a complaint rate of 20 % or more scores 0.
 */
export function scoreCandidate(input: ScoreInput, settings: MatchingSettings): CandidateScore {
  const { priors, weights } = settings;
  const { track } = input;
  const onTimeRate = smoothed(track.linesOnTime, track.linesShipped, priors.onTimeRate, priors.priorWeight);
  const meanStars = smoothed(
    track.ratingsStarsSum,
    track.ratingsCount,
    priors.ratingStars,
    priors.priorWeight,
  );
  const rejectionRate = smoothed(
    track.offersRejected + track.offersExpired,
    track.offersAnswered + track.offersExpired,
    priors.rejectionRate,
    priors.priorWeight,
  );
  const complaintRate = smoothed(
    track.complaintsCount,
    track.linesShipped,
    priors.complaintRate,
    priors.priorWeight,
  );
  const parts: ScoreParts = {
    onTimeDelivery: clamp01(onTimeRate),
    rating: clamp01((meanStars - 1) / 4),
    rejectionRate: clamp01(1 - rejectionRate),
    complaintRate: clamp01(1 - complaintRate * 5),
    utilisation: clamp01(1 - input.utilisation),
    distance: input.distanceKm === null ? 0.5 : clamp01(1 - input.distanceKm / settings.distanceScaleKm),
    cost: clamp01((settings.costIndexCeiling - input.costIndex) / (2 * (settings.costIndexCeiling - 1))),
  };
  let weighted = 0;
  let totalWeight = 0;
  for (const name of scorePartNames) {
    weighted += weights[name] * parts[name];
    totalWeight += weights[name];
  }
  return {
    score: totalWeight > 0 ? weighted / totalWeight : 0,
    parts,
    rates: { onTimeRate, meanStars, rejectionRate, complaintRate },
  };
}
