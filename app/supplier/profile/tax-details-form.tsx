"use client";

import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { saveTaxDetailsAction } from "./tax-details-actions";
import styles from "./profile.module.css";

export interface TaxDetailsValues {
  vatNumber: string;
  taxNumber: string;
  smallBusiness: boolean;
}

/**
 * The partner's VAT ID and, in Germany, its tax number (Steuernummer) and the small-business rule: what
 * its self-billing invoices must name. Staff see it filled in and disabled.
 */
export function TaxDetailsForm({
  editable,
  inGermany,
  saved,
  states,
}: {
  editable: boolean;
  inGermany: boolean;
  saved: TaxDetailsValues;
  states: { value: string; label: string }[];
}) {
  const form = useFormAction(saveTaxDetailsAction, {
    resetOnSuccess: false,
    defaults: { vatNumber: saved.vatNumber, taxNumber: saved.taxNumber, taxNumberState: "" },
  });
  const { value, error, pending } = form;
  const refused = form.reply?.status === "error";
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <fieldset className={styles.plain} disabled={!editable}>
        <legend className="visually-hidden">Tax details</legend>
        <FormField
          name="vatNumber"
          label={inGermany ? "VAT ID (USt-IdNr.)" : "VAT ID"}
          autoComplete="off"
          spellCheck={false}
          defaultValue={value("vatNumber")}
          error={error("vatNumber")}
          hint={
            inGermany
              ? "DE and 9 digits, e.g. DE145238764. Give it, or your tax number, or both."
              : "Your member state's prefix and number, e.g. IT02743690154. We confirm it with VIES, the EU's register."
          }
        />
        {inGermany && (
          <>
            <FormField
              name="taxNumber"
              label="Tax number (Steuernummer)"
              inputMode="numeric"
              autoComplete="off"
              defaultValue={value("taxNumber")}
              error={error("taxNumber")}
              hint="As on your tax office's letters (e.g. 93815/08152, then choose its state below) or in ELSTER's 13-digit form (e.g. 2893081508152)."
            />
            <div className="field">
              <label htmlFor="taxNumberState">State of your tax office</label>
              <select id="taxNumberState" name="taxNumberState" defaultValue={value("taxNumberState") ?? ""}>
                <option value="">Named by the number (13 digits)</option>
                {states.map((state) => (
                  <option key={state.value} value={state.value}>
                    {state.label}
                  </option>
                ))}
              </select>
            </div>
            <label className="check">
              <input
                type="checkbox"
                name="smallBusiness"
                defaultChecked={refused ? value("smallBusiness") === "on" : saved.smallBusiness}
              />
              Small business (Kleinunternehmer, § 19 UStG): invoice me without VAT
            </label>
            {error("smallBusiness") && (
              <span className="field-error" role="alert">
                {error("smallBusiness")}
              </span>
            )}
          </>
        )}
        {editable && (
          <button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save tax details"}
          </button>
        )}
      </fieldset>
    </form>
  );
}
