"use client";

import { updateMatchingSettingsAction } from "./actions";
import { Field, SettingsForm } from "./settings-forms";

interface MatchingValues {
  weights: Record<string, number>;
  offerDeadlineWorkingHours: number;
  qualityThresholds: Record<string, number>;
  flaggedScoreFactor: number;
  counteroffers: Record<string, number>;
}

const counterofferLabels: [string, string, string][] = [
  ["maxRaisePercent", "Highest raise on the offered price (%)", "A partner cannot ask more than this."],
  ["minMarginPercent", "Minimum margin on the sell price (%)", "A counteroffer leaving less is refused."],
  [
    "buyerDecisionWorkingHours",
    "Buyer's time to decide (working hours)",
    "Then the counteroffer is declined.",
  ],
];

const weightLabels: [string, string][] = [
  ["onTimeDelivery", "On-time delivery"],
  ["rating", "Rating"],
  ["rejectionRate", "Rejections"],
  ["complaintRate", "Complaints"],
  ["utilisation", "Utilisation"],
  ["distance", "Distance"],
  ["cost", "Cost"],
];

const thresholdLabels: [string, string][] = [
  ["minOnTimeRate", "Lowest on-time rate (0–1)"],
  ["minMeanStars", "Lowest mean rating (1–5 stars)"],
  ["maxRejectionRate", "Highest rejection rate (0–1)"],
  ["maxComplaintRate", "Highest complaint rate (0–1)"],
  ["maxMeanResponseHours", "Longest mean response (hours)"],
  ["minShippedLines", "Shipped lines before judging"],
  ["minOffers", "Offers before judging"],
];

export function MatchingSettingsForm({ settings }: { settings: MatchingValues }) {
  const form = "matching";
  return (
    <SettingsForm action={updateMatchingSettingsAction} form={form} submit="Save the matcher's settings">
      {(state) => (
        <>
          <fieldset className="field">
            <legend>Weights (0–10; the score is their weighted mean)</legend>
            <div className="field-row">
              {weightLabels.map(([key, label]) => (
                <Field
                  key={key}
                  form={form}
                  name={`weights.${key}`}
                  label={label}
                  state={state}
                  saved={settings.weights[key]}
                  inputMode="decimal"
                  required
                />
              ))}
            </div>
          </fieldset>
          <div className="field-row wide">
            <Field
              form={form}
              name="offerDeadlineWorkingHours"
              label="Offer deadline (working hours)"
              state={state}
              saved={settings.offerDeadlineWorkingHours}
              inputMode="decimal"
              required
              hint="How long a partner has to answer an offer."
            />
            <Field
              form={form}
              name="flaggedScoreFactor"
              label="Flagged partners' score factor (0–1)"
              state={state}
              saved={settings.flaggedScoreFactor}
              inputMode="decimal"
              required
              hint="1 leaves a flagged partner's score as it is."
            />
          </div>
          <fieldset className="field">
            <legend>
              Counteroffers (a later date is the buyer&apos;s to accept; the price stays the buyer&apos;s)
            </legend>
            <div className="field-row wide">
              {counterofferLabels.map(([key, label, hint]) => (
                <Field
                  key={key}
                  form={form}
                  name={`counteroffers.${key}`}
                  label={label}
                  state={state}
                  saved={settings.counteroffers[key]}
                  inputMode="decimal"
                  required
                  hint={hint}
                />
              ))}
            </div>
          </fieldset>
          <fieldset className="field">
            <legend>Quality thresholds (a partner outside them is flagged for review)</legend>
            <div className="field-row wide">
              {thresholdLabels.map(([key, label]) => (
                <Field
                  key={key}
                  form={form}
                  name={`qualityThresholds.${key}`}
                  label={label}
                  state={state}
                  saved={settings.qualityThresholds[key]}
                  inputMode="decimal"
                  required
                />
              ))}
            </div>
          </fieldset>
        </>
      )}
    </SettingsForm>
  );
}
