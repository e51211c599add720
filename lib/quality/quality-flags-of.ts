import type { MatchingSettings } from "../matching/matching-settings";
import type { TrackRecord } from "../matching/score-candidate";

export type QualityThresholds = MatchingSettings["qualityThresholds"];

export type QualityMetric = "onTime" | "rating" | "rejection" | "complaints" | "responseTime";

export interface QualityFlag {
  metric: QualityMetric;
  /** The supplier's raw figure: a share 0…1, mean stars, or hours. */
  value: number;
  threshold: number;
  message: string;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
/** A share that would round onto its threshold gets a decimal, so "85 % is below 85 %" cannot be read. */
const percentBeside = (share: number, threshold: number) =>
  Math.round(share * 100) === Math.round(threshold * 100) ? `${(share * 100).toFixed(1)} %` : percent(share);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * Why a supplier's record (SupplierScore, last 365 days) calls for a review, one flag per figure past its
 * threshold; none when the record is fine. Raw rates, not the matcher's smoothed ones: a flag is a claim
 * about what happened. A rate is judged only with enough data behind it: on-time and complaint rates once
 * `minShippedLines` lines were shipped, the mean rating once as many ratings were given, the rejection
 * rate once `minOffers` offers were answered or expired, the response time once as many were answered.
 * Complaints count only when upheld: an open one is undecided, a rejected one was not the supplier's fault.
 * A figure exactly at its threshold is not flagged.
 */
export function qualityFlagsOf(record: TrackRecord, thresholds: QualityThresholds): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const enoughLines = record.linesShipped >= thresholds.minShippedLines;

  if (enoughLines) {
    const onTimeRate = record.linesOnTime / record.linesShipped;
    if (onTimeRate < thresholds.minOnTimeRate)
      flags.push({
        metric: "onTime",
        value: onTimeRate,
        threshold: thresholds.minOnTimeRate,
        message: `On time ${percentBeside(onTimeRate, thresholds.minOnTimeRate)} (${record.linesOnTime} of ${plural(record.linesShipped, "shipped line")}) is below ${percent(thresholds.minOnTimeRate)}`,
      });
  }

  if (record.ratingsCount >= thresholds.minShippedLines) {
    const meanStars = record.ratingsStarsSum / record.ratingsCount;
    if (meanStars < thresholds.minMeanStars)
      flags.push({
        metric: "rating",
        value: meanStars,
        threshold: thresholds.minMeanStars,
        message: `Mean rating ${meanStars.toFixed(1)} ★ (${plural(record.ratingsCount, "rating")}) is below ${thresholds.minMeanStars.toFixed(1)} ★`,
      });
  }

  const offersDecided = record.offersAnswered + record.offersExpired;
  if (offersDecided >= thresholds.minOffers) {
    const declined = record.offersRejected + record.offersExpired;
    const rejectionRate = declined / offersDecided;
    if (rejectionRate > thresholds.maxRejectionRate)
      flags.push({
        metric: "rejection",
        value: rejectionRate,
        threshold: thresholds.maxRejectionRate,
        message: `Rejected or unanswered ${percentBeside(rejectionRate, thresholds.maxRejectionRate)} (${declined} of ${plural(offersDecided, "offer")}) is above ${percent(thresholds.maxRejectionRate)}`,
      });
  }

  if (enoughLines) {
    const complaintRate = record.complaintsUpheld / record.linesShipped;
    if (complaintRate > thresholds.maxComplaintRate)
      flags.push({
        metric: "complaints",
        value: complaintRate,
        threshold: thresholds.maxComplaintRate,
        message: `Upheld complaints ${percentBeside(complaintRate, thresholds.maxComplaintRate)} (${record.complaintsUpheld} on ${plural(record.linesShipped, "shipped line")}) is above ${percent(thresholds.maxComplaintRate)}`,
      });
  }

  if (record.meanResponseHours !== null && record.offersAnswered >= thresholds.minOffers) {
    if (record.meanResponseHours > thresholds.maxMeanResponseHours)
      flags.push({
        metric: "responseTime",
        value: record.meanResponseHours,
        threshold: thresholds.maxMeanResponseHours,
        message: `Mean response time ${record.meanResponseHours.toFixed(1)} h (${plural(record.offersAnswered, "answered offer")}) is above ${thresholds.maxMeanResponseHours} h`,
      });
  }
  return flags;
}
