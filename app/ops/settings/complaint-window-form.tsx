"use client";

import { updateComplaintWindowAction } from "./actions";
import { Field, SettingsForm } from "./settings-forms";

/** The buyer's complaint window, which partner payouts wait for (lib/payouts/complaint-window.ts). */
export function ComplaintWindowForm({ days }: { days: number }) {
  const form = "complaint-window";
  return (
    <SettingsForm action={updateComplaintWindowAction} form={form} submit="Save the complaint window">
      {(state) => (
        <Field
          form={form}
          name="days"
          label="Complaint window (days after delivery)"
          state={state}
          saved={days}
          inputMode="numeric"
          required
          hint="Buyers may complain this long; partners are paid when it closes, or sooner when the buyer confirms no complaint. Payouts already waiting keep their due date."
        />
      )}
    </SettingsForm>
  );
}
