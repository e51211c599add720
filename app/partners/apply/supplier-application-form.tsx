"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useActionState } from "react";
import { applyAsSupplierAction, type FormState } from "@/app/(auth)/actions";
import { CountrySelect } from "@/app/_components/country-select";
import { AccountHolderFields } from "@/app/_components/account-holder-fields";
import { FormField } from "@/app/_components/form-field";
import { processLabels } from "@/lib/catalogue/process-labels";

export function SupplierApplicationForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(applyAsSupplierAction, {});
  const value = (name: string) => String(state.values?.[name] ?? "");
  const error = (name: string) => state.fieldErrors?.[name];
  const chosen = new Set(Array.isArray(state.values?.processes) ? state.values.processes : []);
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      <FormField
        name="companyName"
        label="Company"
        autoComplete="organization"
        required
        defaultValue={value("companyName")}
        error={error("companyName")}
      />
      <CountrySelect defaultValue={value("countryCode") || undefined} error={error("countryCode")} />
      <FormField
        name="city"
        label="City of production"
        required
        defaultValue={value("city")}
        error={error("city")}
      />
      <fieldset className="field">
        <legend>Processes you offer</legend>
        <div className="checks">
          {Object.entries(processLabels).map(([process, label]) => (
            <label key={process}>
              <input type="checkbox" name="processes" value={process} defaultChecked={chosen.has(process)} />
              {label}
            </label>
          ))}
        </div>
        {error("processes") && (
          <span className="field-error" role="alert">
            {error("processes")}
          </span>
        )}
      </fieldset>
      <AccountHolderFields state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Sending your application…" : "Apply"}
      </button>
    </form>
  );
}
