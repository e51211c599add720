"use client";

import { updateVatCheckSettingsAction } from "./actions";
import { Field, SettingsForm } from "./settings-forms";

/** How long a VIES confirmation of a buyer's VAT ID counts before it is asked again (lib/vat). */
export function VatCheckSettingsForm({ recheckAfterDays }: { recheckAfterDays: number }) {
  const form = "vat-checks";
  return (
    <SettingsForm action={updateVatCheckSettingsAction} form={form} submit="Save the VAT ID checks">
      {(state) => (
        <Field
          form={form}
          name="recheckAfterDays"
          label="Days a VIES confirmation counts"
          state={state}
          saved={recheckAfterDays}
          inputMode="numeric"
          required
          hint="Older confirmations are asked again at checkout and by the hourly re-check job before reverse charge."
        />
      )}
    </SettingsForm>
  );
}
