import type { TrackRecord } from "../matching/score-candidate";
import { qualityFlagsOf, type QualityFlag, type QualityThresholds } from "./quality-flags-of";

/**
 * The flags worked out last for each track record object, with the thresholds they were judged by. The
 * matcher's loader keeps a supplier's track record object while its match card is unchanged
 * (kept-match-cards.ts), so from one ranking to the next the same objects come back: at 1,000 suppliers
 * the flags and their sentences were about 450 kB of new objects per match (decision 0119). A WeakMap:
 * a record no longer kept is forgotten with it.
 */
const keptFlags = new WeakMap<
  TrackRecord,
  { thresholds: QualityThresholds; flags: readonly QualityFlag[] }
>();

/** The thresholds given last, and the first object seen with equal values, which the kept flags name. */
let lastGiven: QualityThresholds | undefined;
let lastKept: QualityThresholds | undefined;

/**
 * One object for equal thresholds: the matcher reads its settings anew for each line, so every ranking
 * brings its own thresholds object; judged once per ranking here, not once per supplier.
 */
function keptThresholdsOf(thresholds: QualityThresholds): QualityThresholds {
  if (thresholds === lastGiven) return lastKept!;
  const kept = lastKept;
  const same =
    kept !== undefined &&
    Object.keys(kept).length === Object.keys(thresholds).length &&
    Object.entries(thresholds).every(([name, value]) => kept[name as keyof QualityThresholds] === value);
  if (!same) lastKept = thresholds;
  lastGiven = thresholds;
  return lastKept!;
}

/**
 * `qualityFlagsOf(record, thresholds)`, given again without being worked out again when the same record
 * object was judged by equal thresholds before. Track records are read-only (nothing changes one after
 * it is read; a new reading is a new object), as are the settings, and the flags given are frozen, since
 * rankings share them.
 */
export function keptQualityFlagsOf(
  record: TrackRecord,
  thresholds: QualityThresholds,
): readonly QualityFlag[] {
  const keptThresholds = keptThresholdsOf(thresholds);
  const kept = keptFlags.get(record);
  if (kept?.thresholds === keptThresholds) return kept.flags;
  const flags = Object.freeze(qualityFlagsOf(record, keptThresholds).map((flag) => Object.freeze(flag)));
  keptFlags.set(record, { thresholds: keptThresholds, flags });
  return flags;
}
