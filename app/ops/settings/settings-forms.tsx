"use client";

import { useActionState, type InputHTMLAttributes, type ReactNode } from "react";
import { FormMessages } from "@/app/_components/form-messages";
import {
  addClosureDayAction,
  removeClosureDayAction,
  removeMarginAction,
  setMarginAction,
  updateInvoiceTermsAction,
  updateMachineRateAction,
  updateMatchingSettingsAction,
  updateMaterialPriceAction,
  type SettingsActionState,
} from "./actions";
import opsStyles from "../ops.module.css";
import styles from "./settings.module.css";

type Action = (previous: SettingsActionState, formData: FormData) => Promise<SettingsActionState>;

/** Several forms on the page share field names, so each field's id starts with its form's. */
interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  form: string;
  name: string;
  label: ReactNode;
  state: SettingsActionState;
  saved?: string | number;
  hint?: string;
}

function Field({ form, name, label, state, saved, hint, ...input }: FieldProps) {
  const id = `${form}-${name}`;
  const error = state.fieldErrors?.[name];
  const value = state.values?.[name] ?? (saved === undefined ? "" : String(saved));
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* Keyed by the value: React resets a form after its action, to the values it was rendered with. */}
      <input
        key={value}
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function ReasonField({ form, state }: { form: string; state: SettingsActionState }) {
  return (
    <Field
      form={form}
      name="reason"
      label="Reason for the change"
      state={state}
      required
      minLength={3}
      maxLength={200}
      hint="Saved with the new version, e.g. “competitor prices”."
    />
  );
}

function SettingsForm({
  action,
  form,
  className = "form",
  submit,
  children,
}: {
  action: Action;
  form: string;
  className?: string;
  submit: string;
  children: (state: SettingsActionState) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<SettingsActionState, FormData>(action, {});
  return (
    <form action={formAction} className={`${className} ${styles.settingsForm}`}>
      <FormMessages state={state} />
      {children(state)}
      <ReasonField form={form} state={state} />
      {state.fieldErrors?.form && <span className="field-error">{state.fieldErrors.form}</span>}
      <button type="submit" className={className === "form" ? undefined : "small"} disabled={pending}>
        {pending ? "Saving…" : submit}
      </button>
    </form>
  );
}

const euros = (cents: number) => (cents / 100).toFixed(2);

export function MaterialPriceForm({
  material,
}: {
  material: { code: string; name: string; priceCentsPerKg: number; active: boolean };
}) {
  const form = `material-${material.code}`;
  return (
    <SettingsForm
      action={updateMaterialPriceAction}
      form={form}
      className={opsStyles.rowForm}
      submit="Save material"
    >
      {(state) => {
        const active = state.values ? state.values.active === "on" : material.active;
        return (
          <>
            <input type="hidden" name="materialCode" value={material.code} />
            <Field
              form={form}
              name="priceEurosPerKg"
              label={`Price of ${material.name}, € per kg`}
              state={state}
              saved={euros(material.priceCentsPerKg)}
              inputMode="decimal"
              required
            />
            <label className={opsStyles.checkLine}>
              <input key={String(active)} type="checkbox" name="active" defaultChecked={active} /> Offered to
              buyers
            </label>
          </>
        );
      }}
    </SettingsForm>
  );
}

export function MachineRateForm({
  process,
  label,
  hourlyRateCents,
  setupMinutes,
}: {
  process: string;
  label: string;
  hourlyRateCents: number;
  setupMinutes: number;
}) {
  const form = `rate-${process}`;
  return (
    <SettingsForm
      action={updateMachineRateAction}
      form={form}
      className={opsStyles.rowForm}
      submit="Save rate"
    >
      {(state) => (
        <>
          <input type="hidden" name="process" value={process} />
          <Field
            form={form}
            name="hourlyRateEuros"
            label={`${label}: € per machine hour`}
            state={state}
            saved={euros(hourlyRateCents)}
            inputMode="decimal"
            required
          />
          <Field
            form={form}
            name="setupMinutes"
            label="Setup minutes"
            state={state}
            saved={setupMinutes}
            inputMode="numeric"
            required
          />
        </>
      )}
    </SettingsForm>
  );
}

export function MarginForm({
  rule,
  processes,
}: {
  rule?: { process?: string; minQuantity: number; marginPercent: number; label: string };
  processes: { value: string; label: string }[];
}) {
  const form = rule ? `margin-${rule.process ?? "all"}-${rule.minQuantity}` : "margin-new";
  return (
    <SettingsForm
      action={setMarginAction}
      form={form}
      className={rule ? opsStyles.rowForm : "form"}
      submit={rule ? "Save margin" : "Add or change the rule"}
    >
      {(state) => (
        <>
          {rule ? (
            <>
              <input type="hidden" name="process" value={rule.process ?? ""} />
              <input type="hidden" name="minQuantity" value={rule.minQuantity} />
            </>
          ) : (
            <div className="field-row wide">
              <div className="field">
                <label htmlFor={`${form}-process`}>Process</label>
                <select
                  key={state.values?.process ?? ""}
                  id={`${form}-process`}
                  name="process"
                  defaultValue={state.values?.process ?? ""}
                >
                  <option value="">All processes</option>
                  {processes.map((process) => (
                    <option key={process.value} value={process.value}>
                      {process.label}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                form={form}
                name="minQuantity"
                label="From quantity"
                state={state}
                inputMode="numeric"
                required
              />
            </div>
          )}
          <Field
            form={form}
            name="marginPercent"
            label={rule ? `Margin for ${rule.label}, %` : "Margin, %"}
            state={state}
            saved={rule?.marginPercent}
            inputMode="decimal"
            required
          />
        </>
      )}
    </SettingsForm>
  );
}

export function RemoveMarginForm({
  rule,
}: {
  rule: { process?: string; minQuantity: number; label: string };
}) {
  const form = `remove-margin-${rule.process ?? "all"}-${rule.minQuantity}`;
  return (
    <SettingsForm action={removeMarginAction} form={form} className={opsStyles.rowForm} submit="Remove rule">
      {() => (
        <>
          <input type="hidden" name="process" value={rule.process ?? ""} />
          <input type="hidden" name="minQuantity" value={rule.minQuantity} />
        </>
      )}
    </SettingsForm>
  );
}

interface MatchingValues {
  weights: Record<string, number>;
  offerDeadlineWorkingHours: number;
  qualityThresholds: Record<string, number>;
  flaggedScoreFactor: number;
}

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

export function AddClosureDayForm({ today }: { today: string }) {
  const form = "holiday-new";
  return (
    <SettingsForm action={addClosureDayAction} form={form} submit="Add the day">
      {(state) => (
        <div className="field-row wide">
          <Field form={form} name="date" label="Date" type="date" min={today} state={state} required />
          <Field
            form={form}
            name="name"
            label="Name"
            state={state}
            required
            maxLength={80}
            placeholder="e.g. Christmas Eve"
          />
        </div>
      )}
    </SettingsForm>
  );
}

export function RemoveClosureDayForm({ date }: { date: string }) {
  return (
    <SettingsForm
      action={removeClosureDayAction}
      form={`holiday-${date}`}
      className={opsStyles.rowForm}
      submit="Remove"
    >
      {() => <input type="hidden" name="date" value={date} />}
    </SettingsForm>
  );
}

export function InvoiceTermsForm({ paymentTermsDays }: { paymentTermsDays: number }) {
  const form = "invoice-terms";
  return (
    <SettingsForm action={updateInvoiceTermsAction} form={form} submit="Save the terms">
      {(state) => (
        <Field
          form={form}
          name="paymentTermsDays"
          label="Days to pay an invoice"
          state={state}
          saved={paymentTermsDays}
          inputMode="numeric"
          required
          hint="For companies without their own terms; issued invoices keep their due dates."
        />
      )}
    </SettingsForm>
  );
}
