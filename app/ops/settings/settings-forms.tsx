"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { FormMessages } from "@/app/_components/form-messages";
import type { FormReply } from "@/lib/forms/form-reply";
import { useFormAction } from "@/lib/forms/use-form-action";
import { confirmLargeChangeField } from "@/lib/settings/large-price-moves";
import {
  addClosureDayAction,
  removeClosureDayAction,
  removeMarginAction,
  setMarginAction,
  updateInvoiceTermsAction,
  updateMachineRateAction,
  updateMaterialPriceAction,
} from "./actions";
import opsStyles from "../ops.module.css";
import styles from "./settings.module.css";

type Action = (previous: FormReply | null, formData: FormData) => Promise<FormReply>;
type Form = ReturnType<typeof useFormAction>;

/** Several forms on the page share field names, so each field's id starts with its form's. */
interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  form: string;
  name: string;
  label: ReactNode;
  state: Form;
  saved?: string | number;
  hint?: string;
}

export function Field({ form, name, label, state, saved, hint, ...input }: FieldProps) {
  const id = `${form}-${name}`;
  const error = state.error(name);
  const value = state.value(name) ?? (saved === undefined ? "" : String(saved));
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
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

function ReasonField({ form, state }: { form: string; state: Form }) {
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

export function SettingsForm({
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
  children: (state: Form) => ReactNode;
}) {
  const state = useFormAction(action);
  const largeChange = state.error(confirmLargeChangeField);
  return (
    <form {...state.props} className={`${className} ${styles.settingsForm}`}>
      <FormMessages state={state.messages} />
      {children(state)}
      <ReasonField form={form} state={state} />
      {largeChange && <ConfirmLargeChange key={largeChange} form={form} warning={largeChange} />}
      <button type="submit" className={className === "form" ? undefined : "small"} disabled={state.pending}>
        {state.pending ? "Saving…" : submit}
      </button>
    </form>
  );
}

/**
 * A price moved by more than ×3 or ÷3 (lib/settings/large-price-moves.ts): the warning names old and new
 * value and what happens to open quotes; ticking the box sends the warning back, which confirms exactly
 * this change. Keyed by the warning, so a new warning starts unticked.
 */
function ConfirmLargeChange({ form, warning }: { form: string; warning: string }) {
  const id = `${form}-${confirmLargeChangeField}`;
  return (
    <div className={`alert warn ${styles.largeChange}`} role="alert">
      <p id={`${id}-warning`}>{warning}</p>
      <label className={opsStyles.checkLine}>
        <input
          type="checkbox"
          id={id}
          name={confirmLargeChangeField}
          value={warning}
          aria-describedby={`${id}-warning`}
        />{" "}
        Save this change
      </label>
    </div>
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
        const active = state.reply?.status === "error" ? state.value("active") === "on" : material.active;
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
              <input type="checkbox" name="active" defaultChecked={active} /> Offered to buyers
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
                <select id={`${form}-process`} name="process" defaultValue={state.value("process") ?? ""}>
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
