"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { SignUpSent } from "@/app/_components/sign-up-sent";
import { applyAsSupplierAction } from "@/app/(auth)/actions";
import { CountrySelect } from "@/app/_components/country-select";
import { AccountHolderFields } from "@/app/_components/account-holder-fields";
import { FormField } from "@/app/_components/form-field";
import { useFormAction } from "@/lib/forms/use-form-action";

/** `processOptions`: the catalogue's processes (lib/catalogue/catalogue-labels.ts), from the server page. */
export function SupplierApplicationForm({
  processOptions,
}: {
  processOptions: readonly { value: string; label: string }[];
}) {
  const form = useFormAction(applyAsSupplierAction);
  if (form.messages.success)
    return <SignUpSent message={form.messages.success} againHref="/partners/apply" />;
  const { value, error } = form;
  const chosen = new Set(form.values("processes"));
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <FormField
        name="companyName"
        label="Company"
        autoComplete="organization"
        required
        defaultValue={value("companyName")}
        error={error("companyName")}
      />
      <CountrySelect defaultValue={value("countryCode")} error={error("countryCode")} />
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
          {processOptions.map(({ value: process, label }) => (
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
      <FormField
        name="vatNumber"
        label="VAT number (optional)"
        defaultValue={value("vatNumber")}
        error={error("vatNumber")}
      />
      <FormField
        name="website"
        label="Website (optional)"
        // Not type="url": the browser would refuse "mueller-cnc.example", which the server completes.
        inputMode="url"
        autoComplete="url"
        placeholder="www.example.com"
        defaultValue={value("website")}
        error={error("website")}
      />
      <div className="field">
        <label htmlFor="references">References</label>
        <textarea
          id="references"
          name="references"
          rows={4}
          required
          aria-describedby={error("references") ? "references-hint references-error" : "references-hint"}
          aria-invalid={error("references") ? true : undefined}
          defaultValue={value("references")}
        />
        <span id="references-hint" className="hint">
          Customers or projects we may ask about your work, e.g. “Housings for Bosch eBike, 2024, 5,000 pcs”.
        </span>
        {error("references") && (
          <span id="references-error" className="field-error" role="alert">
            {error("references")}
          </span>
        )}
      </div>
      <AccountHolderFields form={form} />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Sending your application…" : "Apply"}
      </button>
    </form>
  );
}
