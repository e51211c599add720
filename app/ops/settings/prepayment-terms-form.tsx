"use client";

import type { PrepaymentTerms } from "@/lib/bank-transfers/prepayment-terms";
import { updatePrepaymentTermsAction } from "./actions";
import { Field, SettingsForm } from "./settings-forms";

/** How long a prepayment order waits for its bank transfer: reminder, then cancellation. */
export function PrepaymentTermsForm({ terms }: { terms: PrepaymentTerms }) {
  const form = "prepayment-terms";
  return (
    <section aria-labelledby="prepayment-heading">
      <h2 id="prepayment-heading">Prepayment by bank transfer</h2>
      <SettingsForm action={updatePrepaymentTermsAction} form={form} submit="Save the prepayment terms">
        {(state) => (
          <>
            <Field
              form={form}
              name="reminderAfterDays"
              label="Remind the buyer after (days)"
              state={state}
              saved={terms.reminderAfterDays}
              inputMode="numeric"
              required
              hint="Days after the order was placed without the full payment on our account."
            />
            <Field
              form={form}
              name="cancelAfterDays"
              label="Cancel the unpaid order after (days)"
              state={state}
              saved={terms.cancelAfterDays}
              inputMode="numeric"
              required
              hint="The order is cancelled and the buyer told; money already received is listed as a credit to refund."
            />
          </>
        )}
      </SettingsForm>
    </section>
  );
}
