import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";

const weight = z.number().min(0).max(10);

/**
 * The matcher's settings (docs/decisions/0010-matching.md). Each weight multiplies one part of the score,
 * every part runs from 0 (worst) to 1 (best), and the score is their weighted mean. The priors are what a
 * supplier without history is assumed to achieve, worth `priorWeight` orders, so one late order of a
 * newcomer does not sink it and one good order does not make it the best.
 */
/** The default review thresholds: for new versions, and for versions saved before thresholds existed. */
const defaultQualityThresholds = {
  minOnTimeRate: 0.85,
  minMeanStars: 3.5,
  maxRejectionRate: 0.5,
  maxComplaintRate: 0.1,
  maxMeanResponseHours: 24,
  minShippedLines: 3,
  minOffers: 3,
};

const defaultCounterofferSettings = {
  maxRaisePercent: 25,
  minMarginPercent: 10,
  buyerDecisionWorkingHours: 16,
};

export const matchingSettingsSchema = z.object({
  weights: z.object({
    onTimeDelivery: weight,
    rating: weight,
    rejectionRate: weight,
    complaintRate: weight,
    utilisation: weight,
    distance: weight,
    cost: weight,
  }),
  priors: z.object({
    onTimeRate: z.number().min(0).max(1),
    ratingStars: z.number().min(1).max(5),
    rejectionRate: z.number().min(0).max(1),
    complaintRate: z.number().min(0).max(1),
    priorWeight: z.number().min(0).max(100),
  }),
  /** Distance at which the distance part reaches 0. */
  distanceScaleKm: z.number().positive(),
  /** Cost index (supplier price ÷ model cost) at which the cost part reaches 0; 1.0 scores 0.5 at 1.5. */
  costIndexCeiling: z.number().gt(1),
  /** How long a supplier has to answer an offer, counted on working days only. */
  offerDeadlineWorkingHours: z.number().positive().max(240),
  /** Working days between the end of production and the delivery date, for shipping. */
  shippingWorkingDays: z.number().int().min(0).max(20),
  /**
   * When a supplier's record flags it for review (lib/quality): each rate is judged only once the supplier
   * has `minShippedLines` shipped lines (delivery, rating, complaints) or `minOffers` offers (rejections,
   * response time) in the last 365 days. Versions saved before thresholds existed get the defaults.
   */
  qualityThresholds: z
    .object({
      minOnTimeRate: z.number().min(0).max(1),
      minMeanStars: z.number().min(1).max(5),
      maxRejectionRate: z.number().min(0).max(1),
      maxComplaintRate: z.number().min(0).max(1),
      maxMeanResponseHours: z.number().positive().max(1000),
      minShippedLines: z.number().int().min(1).max(1000),
      minOffers: z.number().int().min(1).max(1000),
    })
    .default(defaultQualityThresholds),
  /** A flagged supplier's score is multiplied by this in the matcher's ranking (1 = no effect). */
  flaggedScoreFactor: z.number().min(0).max(1).default(0.6),
  /**
   * Counteroffers (docs/decisions/0039): the most a supplier may ask above the offered price, the margin
   * the platform keeps at least on the line's sell price for an automatic acceptance, and how long the
   * buyer has to decide one that changes the delivery date. Versions saved before counteroffers get these.
   */
  counteroffers: z
    .object({
      maxRaisePercent: z.number().min(0).max(100),
      minMarginPercent: z.number().min(0).max(90),
      buyerDecisionWorkingHours: z.number().positive().max(240),
    })
    .default(defaultCounterofferSettings),
});

export type MatchingSettings = z.infer<typeof matchingSettingsSchema>;

export const defaultMatchingSettings: MatchingSettings = {
  weights: {
    onTimeDelivery: 3,
    rating: 2,
    rejectionRate: 2,
    complaintRate: 1.5,
    utilisation: 1,
    distance: 1,
    cost: 2,
  },
  priors: { onTimeRate: 0.9, ratingStars: 4, rejectionRate: 0.15, complaintRate: 0.03, priorWeight: 5 },
  distanceScaleKm: 2000,
  costIndexCeiling: 1.5,
  offerDeadlineWorkingHours: 24,
  shippingWorkingDays: 2,
  qualityThresholds: defaultQualityThresholds,
  flaggedScoreFactor: 0.6,
  counteroffers: defaultCounterofferSettings,
};

export const matchingSettingsSource =
  "Defaults of lib/matching/matching-settings.ts; reasons in docs/decisions/0010-matching.md";

/** The current (highest) version of the matching settings. */
export async function loadMatchingSettings(
  db: Database | TransactionClient,
): Promise<{ settings: MatchingSettings; version: number }> {
  const row = await db.matchingSettings.findFirst({ orderBy: { version: "desc" } });
  if (!row)
    throw new AppError("internal_error", "No matching settings are stored: run the seed (npm run db:seed).");
  const parsed = matchingSettingsSchema.safeParse(row.settings);
  if (!parsed.success)
    throw new AppError(
      "internal_error",
      `Matching settings version ${row.version} are invalid: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`,
    );
  return { settings: parsed.data, version: row.version };
}

/** A database without matching settings gets version 1 of the defaults; a stored version is left alone. */
export async function ensureMatchingSettings(db: Database | TransactionClient): Promise<void> {
  await db.matchingSettings.createMany({
    data: [{ version: 1, settings: defaultMatchingSettings, source: matchingSettingsSource }],
    skipDuplicates: true,
  });
}
