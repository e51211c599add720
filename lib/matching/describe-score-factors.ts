import { formatEuros } from "../money/format-euros";
import type { ScoreParts } from "./score-candidate";

/** One candidate as a decision record stores it; decisions made before factors existed lack the optional parts. */
export interface RecordedCandidate {
  score: number;
  parts?: Partial<ScoreParts>;
  rates?: { onTimeRate: number; meanStars: number; rejectionRate: number; complaintRate: number };
  distanceKm: number | null;
  supplierPriceCents: number;
  freeHours: number;
  utilisation: number;
  /** The supplier's price ÷ the platform's cost model; recorded since factors are shown. */
  costIndex?: number;
}

export interface ScoreFactor {
  name: keyof ScoreParts;
  label: string;
  /** What was measured, in words: "93 % on time", "120 km", "€412.00 (cost index 1.05)". */
  measure: string;
  /** The factor's score, 0 (worst) … 1 (best); null when the decision did not record it. */
  value: number | null;
  /** Its weight in the settings the decision used; null when the decision did not record them. */
  weight: number | null;
  /** How much it adds to the total: weight × value ÷ the sum of weights; null when unknown. */
  contribution: number | null;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The factors in the order the score sums them (score-candidate.ts), with their names for people. */
const factorLabels: Record<keyof ScoreParts, string> = {
  onTimeDelivery: "On time",
  rating: "Rating",
  rejectionRate: "Accepts offers",
  complaintRate: "Few complaints",
  utilisation: "Free capacity",
  distance: "Distance",
  cost: "Price",
};

function measureOf(name: keyof ScoreParts, candidate: RecordedCandidate): string {
  const rates = candidate.rates;
  switch (name) {
    case "onTimeDelivery":
      return rates ? `${percent(rates.onTimeRate)} on time` : "not recorded";
    case "rating":
      return rates ? `${rates.meanStars.toFixed(1)} stars` : "not recorded";
    case "rejectionRate":
      return rates ? `${percent(rates.rejectionRate)} rejected or expired` : "not recorded";
    case "complaintRate":
      return rates ? `${percent(rates.complaintRate)} with complaints` : "not recorded";
    case "utilisation":
      return `${percent(candidate.utilisation)} booked, ${candidate.freeHours.toFixed(1)} h free`;
    case "distance":
      return candidate.distanceKm === null ? "location unknown" : `${candidate.distanceKm.toFixed(0)} km`;
    case "cost":
      return candidate.costIndex === undefined
        ? formatEuros(candidate.supplierPriceCents)
        : `${formatEuros(candidate.supplierPriceCents)} (cost index ${candidate.costIndex.toFixed(2)})`;
  }
}

/**
 * Each factor of a ranked candidate's score, with what was measured, its 0…1 value, its weight and what
 * it adds to the total, so operations see why one partner ranked above another. Decisions recorded before
 * the weights (or the parts) were stored show the measures with the unknown numbers left empty.
 */
export function describeScoreFactors(
  candidate: RecordedCandidate,
  weights: Partial<ScoreParts> | undefined,
): ScoreFactor[] {
  const names = Object.keys(factorLabels) as (keyof ScoreParts)[];
  const totalWeight = weights ? names.reduce((sum, name) => sum + (weights[name] ?? 0), 0) : 0;
  return names.map((name) => {
    const value = candidate.parts?.[name] ?? null;
    const weight = weights?.[name] ?? null;
    return {
      name,
      label: factorLabels[name],
      measure: measureOf(name, candidate),
      value,
      weight,
      contribution:
        value !== null && weight !== null && totalWeight > 0 ? (value * weight) / totalWeight : null,
    };
  });
}
