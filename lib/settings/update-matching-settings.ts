import { z } from "zod";
import type { Database } from "../db/prisma";
import type { MatchingSettings } from "../matching/matching-settings";
import { formatNumber, numberInput, reasonInput } from "./settings-input-fields";
import { saveMatchingVersion } from "./save-matching-version";

const weight = (what: string) => numberInput(`the weight of ${what}`, 0, 10);
const share = (what: string) => numberInput(what, 0, 1);

const matchingInput = z.object({
  weights: z.object({
    onTimeDelivery: weight("on-time delivery"),
    rating: weight("ratings"),
    rejectionRate: weight("rejections"),
    complaintRate: weight("complaints"),
    utilisation: weight("utilisation"),
    distance: weight("distance"),
    cost: weight("cost"),
  }),
  offerDeadlineWorkingHours: numberInput("the offer deadline in working hours", 1, 240),
  qualityThresholds: z.object({
    minOnTimeRate: share("the lowest on-time rate"),
    minMeanStars: numberInput("the lowest mean rating", 1, 5),
    maxRejectionRate: share("the highest rejection rate"),
    maxComplaintRate: share("the highest complaint rate"),
    maxMeanResponseHours: numberInput("the longest mean response in hours", 1, 1000),
    minShippedLines: numberInput("the shipped lines before judging", 1, 1000, { integer: true }),
    minOffers: numberInput("the offers before judging", 1, 1000, { integer: true }),
  }),
  flaggedScoreFactor: share("the flagged partners' score factor"),
  // Optional: a caller that does not send them (an older form, a script) keeps the current ones.
  counteroffers: z
    .object({
      maxRaisePercent: numberInput("the highest counteroffer raise in percent", 0, 100),
      minMarginPercent: numberInput("the platform's minimum margin in percent", 0, 90),
      buyerDecisionWorkingHours: numberInput(
        "the buyer's time to decide a counteroffer in working hours",
        1,
        240,
      ),
    })
    .optional(),
  reason: reasonInput,
});

/** Names of the fields for change summaries: "weight cost 2 → 3". */
const fieldNames: Record<string, string> = {
  "weights.onTimeDelivery": "weight on-time delivery",
  "weights.rating": "weight rating",
  "weights.rejectionRate": "weight rejections",
  "weights.complaintRate": "weight complaints",
  "weights.utilisation": "weight utilisation",
  "weights.distance": "weight distance",
  "weights.cost": "weight cost",
  offerDeadlineWorkingHours: "offer deadline (working hours)",
  "qualityThresholds.minOnTimeRate": "lowest on-time rate",
  "qualityThresholds.minMeanStars": "lowest mean rating",
  "qualityThresholds.maxRejectionRate": "highest rejection rate",
  "qualityThresholds.maxComplaintRate": "highest complaint rate",
  "qualityThresholds.maxMeanResponseHours": "longest mean response (h)",
  "qualityThresholds.minShippedLines": "shipped lines before judging",
  "qualityThresholds.minOffers": "offers before judging",
  flaggedScoreFactor: "flagged score factor",
  "counteroffers.maxRaisePercent": "counteroffer raise cap (%)",
  "counteroffers.minMarginPercent": "minimum margin on counteroffers (%)",
  "counteroffers.buyerDecisionWorkingHours": "buyer's time to decide a counteroffer (h)",
};

function leaves(value: object, prefix = ""): [string, number][] {
  return Object.entries(value).flatMap(([key, entry]): [string, number][] =>
    typeof entry === "number"
      ? [[prefix + key, entry]]
      : entry && typeof entry === "object"
        ? leaves(entry as object, `${prefix}${key}.`)
        : [],
  );
}

/**
 * Changes the matcher's weights, offer deadline, quality thresholds, flagged-supplier factor and counteroffer rules, as a
 * new matching settings version. The priors, distance scale, cost ceiling and shipping days stay.
 */
export async function updateMatchingSettings(db: Database, actor: { userId: string }, input: unknown) {
  const { reason, ...changed } = matchingInput.parse(input);
  return saveMatchingVersion(db, actor, reason, (current) => {
    const next: MatchingSettings = { ...current, ...changed };
    const before = new Map(leaves(current));
    const summary = leaves(changed)
      .filter(([path, value]) => before.get(path) !== value)
      .map(
        ([path, value]) =>
          `${fieldNames[path] ?? path} ${formatNumber(before.get(path) ?? 0)} → ${formatNumber(value)}`,
      )
      .join(", ");
    return { settings: next, summary: `Matching: ${summary}` };
  });
}
