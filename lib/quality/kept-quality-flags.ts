import type { TrackRecord } from "../matching/score-candidate";
import { qualityFlagsOf, type QualityFlag, type QualityThresholds } from "./quality-flags-of";

/**
 * The flags worked out last for each track record object, with the thresholds they were judged by. The
 * matcher's loader keeps a supplier's track record object while its match card is unchanged
 * (kept-match-cards.ts), so from one ranking to the next the same objects come back: at 1,000 suppliers
 * the flags and their sentences were about 450 kB of new objects per match (decision 0119). A WeakMap:
 * a record no longer kept is forgotten with it.
 */
const keptFlags = new WeakMap<TrackRecord, { thresholds: QualityThresholds; flags: readonly QualityFlag[] }>();

const thresholdNames = [
  "minOnTimeRate",
  "minMeanStars",
  "maxRejectionRate",
  "maxComplaintRate",
  "maxMeanResponseHours",
  "minShippedLines",
  "minOffers",
] as const satisfies readonly (keyof QualityThresholds)[];
const everyThresholdNamed: Exclude<keyof QualityThresholds, (typeof thresholdNames)[number]> extends never
  ? true
  : false = true;
void everyThresholdNamed;

const sameThresholds = (a: QualityThresholds, b: QualityThresholds) =>
  a === b || thresholdNames.every((name) => a[name] === b[name]);

/**
 * `qualityFlagsOf(record, thresholds)`, given again without being worked out again when the same record
 * object was judged by equal thresholds before. Track records are read-only (nothing changes one after
 * it is read; a new reading is a new object), and the flags given are frozen, since rankings share them.
 */
export function keptQualityFlagsOf(record: TrackRecord, thresholds: QualityThresholds): readonly QualityFlag[] {
  const kept = keptFlags.get(record);
  if (kept && sameThresholds(kept.thresholds, thresholds)) return kept.flags;
  const flags = Object.freeze(qualityFlagsOf(record, thresholds).map((flag) => Object.freeze(flag)));
  keptFlags.set(record, { thresholds, flags });
  return flags;
}
