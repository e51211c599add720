import { z } from "zod";
import { formCheckbox, formText } from "../forms/form-fields";
import { scorePartNames } from "../matching/score-candidate";

/** Text fields by name, each what was typed ("" when empty); the change functions parse them. */
function textFields<const Names extends readonly string[]>(names: Names) {
  return Object.fromEntries(names.map((name) => [name, formText])) as Record<Names[number], typeof formText>;
}

/** A group of text fields sent as "group.name"; a group with every field empty reads as all "". */
function nestedTextFields<const Names extends readonly string[]>(names: Names) {
  return z.preprocess((group) => group ?? {}, z.object(textFields(names)));
}

const thresholdFields = [
  "minOnTimeRate",
  "minMeanStars",
  "maxRejectionRate",
  "maxComplaintRate",
  "maxMeanResponseHours",
  "minShippedLines",
  "minOffers",
] as const;

/**
 * The forms of /ops/settings, each with exactly its own fields (lib/settings/update-….ts parses their
 * values): only these names are read, so a field named `__proto__.companyId` or
 * `constructor.prototype.x` reaches nothing. The matcher's form names its nested fields "weights.cost"
 * and "qualityThresholds.minOffers", which the form layer reads as nested objects.
 */
export const settingsFormSchemas = {
  "material-price": z.object({
    ...textFields(["materialCode", "priceEurosPerKg", "reason", "confirmLargeChange"]),
    active: formCheckbox,
  }),
  "machine-rate": z.object(
    textFields(["process", "hourlyRateEuros", "setupMinutes", "reason", "confirmLargeChange"]),
  ),
  margin: z.object(textFields(["process", "minQuantity", "marginPercent", "reason"])),
  "remove-margin": z.object(textFields(["process", "minQuantity", "reason"])),
  "closure-day": z.object(textFields(["date", "name", "reason"])),
  "remove-closure-day": z.object(textFields(["date", "reason"])),
  "invoice-terms": z.object(textFields(["paymentTermsDays", "reason"])),
  "prepayment-terms": z.object(textFields(["reminderAfterDays", "cancelAfterDays", "reason"])),
  "vat-checks": z.object(textFields(["recheckAfterDays", "reason"])),
  "payout-retries": z.object(textFields(["firstDelayMinutes", "maxDelayHours", "maxAttempts", "reason"])),
  "complaint-window": z.object(textFields(["days", "supplierAnswerWorkingDays", "reason"])),
  "order-rules": z.object({
    ...textFields([
      "surchargeMarginPercent",
      "surchargeFeeEuros",
      "maxInstantQuantity",
      "horizonDays",
      "reason",
      "confirmLargeChange",
    ]),
    surchargeEnabled: formCheckbox,
  }),
  matching: z.object({
    weights: nestedTextFields(scorePartNames),
    qualityThresholds: nestedTextFields(thresholdFields),
    counteroffers: nestedTextFields([
      "maxRaisePercent",
      "minMarginPercent",
      "buyerDecisionWorkingHours",
    ] as const),
    ...textFields(["offerDeadlineWorkingHours", "flaggedScoreFactor", "reason"]),
  }),
} as const;

export type SettingsForm = keyof typeof settingsFormSchemas;
