import { scorePartNames } from "../matching/score-candidate";

/** The settings forms of /ops/settings; each reads its own fields by name and nothing else. */
export type SettingsForm =
  | "material-price"
  | "machine-rate"
  | "margin"
  | "remove-margin"
  | "closure-day"
  | "remove-closure-day"
  | "invoice-terms"
  | "matching";

const formFields = {
  "material-price": ["materialCode", "priceEurosPerKg", "active", "reason"],
  "machine-rate": ["process", "hourlyRateEuros", "setupMinutes", "reason"],
  margin: ["process", "minQuantity", "marginPercent", "reason"],
  "remove-margin": ["process", "minQuantity", "reason"],
  "closure-day": ["date", "name", "reason"],
  "remove-closure-day": ["date", "reason"],
  "invoice-terms": ["paymentTermsDays", "reason"],
} as const satisfies Record<Exclude<SettingsForm, "matching">, readonly string[]>;

const thresholdFields = [
  "minOnTimeRate",
  "minMeanStars",
  "maxRejectionRate",
  "maxComplaintRate",
  "maxMeanResponseHours",
  "minShippedLines",
  "minOffers",
] as const;

/** A text field's value; a missing field (or a file) is undefined, so the schema names it. */
function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

function pick<const Names extends readonly string[]>(formData: FormData, names: Names, prefix = "") {
  return Object.fromEntries(names.map((name) => [name, text(formData, prefix + name)])) as Record<
    Names[number],
    string | undefined
  >;
}

/**
 * A settings form's fields as the object its change function parses (lib/settings/update-….ts): only
 * the fields that form has, read by their fixed names, so a field named `__proto__.companyId` or
 * `constructor.prototype.x` is never read, let alone written anywhere. The matcher's form names its
 * nested fields "weights.cost" and "qualityThresholds.minOffers"; those names are written out here too,
 * never split from what the browser sent.
 */
export function settingsFormInput(formData: FormData, form: SettingsForm): Record<string, unknown> {
  if (form !== "matching") return pick(formData, formFields[form]);
  return {
    weights: pick(formData, scorePartNames, "weights."),
    qualityThresholds: pick(formData, thresholdFields, "qualityThresholds."),
    ...pick(formData, ["offerDeadlineWorkingHours", "flaggedScoreFactor", "reason"]),
  };
}
