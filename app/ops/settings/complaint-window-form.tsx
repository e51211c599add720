"use client";

import { updateComplaintWindowAction } from "./actions";
import { Field, SettingsForm } from "./settings-forms";

/**
 * The buyer's complaint window, which partner payouts wait for (lib/payouts/complaint-window.ts), and the
 * working days a partner has to answer a complaint before operations decide (docs/decisions/0042).
 */
export function ComplaintWindowForm({
  days,
  supplierAnswerWorkingDays,
}: {
  days: number;
  supplierAnswerWorkingDays: number;
}) {
  const form = "complaint-window";
  return (
    <SettingsForm action={updateComplaintWindowAction} form={form} submit="Save the complaint window">
      {(state) => (
        <>
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
          <Field
            form={form}
            name="supplierAnswerWorkingDays"
            label="Partner's answer to a complaint (working days)"
            state={state}
            saved={supplierAnswerWorkingDays}
            inputMode="numeric"
            required
            hint="Operations decide a complaint after the partner answers or this many working days after it was filed; earlier only with a reason. Complaints already open keep their deadline."
          />
        </>
      )}
    </SettingsForm>
  );
}
