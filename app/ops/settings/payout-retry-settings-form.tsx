"use client";

import type { PayoutRetrySettings } from "@/lib/payouts/payout-retry-settings";
import { updatePayoutRetrySettingsAction } from "./actions";
import { Field, SettingsForm } from "./settings-forms";

/** How transfers Stripe refuses for lack of balance are tried again before operations are asked (0027). */
export function PayoutRetrySettingsForm({ settings }: { settings: PayoutRetrySettings }) {
  const form = "payout-retries";
  return (
    <section aria-labelledby="payout-retries-heading">
      <h2 id="payout-retries-heading">Payout retries</h2>
      <p className="muted">
        A Stripe transfer to a partner that the platform&apos;s Stripe balance cannot cover yet stays pending
        and is tried again, each wait twice the last; after the last attempt the payout is marked failed and
        operations are e-mailed (docs/decisions/0027).
      </p>
      <SettingsForm action={updatePayoutRetrySettingsAction} form={form} submit="Save the payout retries">
        {(state) => (
          <>
            <Field
              form={form}
              name="firstDelayMinutes"
              label="First retry after (minutes)"
              state={state}
              saved={settings.firstDelayMinutes}
              inputMode="numeric"
              required
            />
            <Field
              form={form}
              name="maxDelayHours"
              label="Longest wait (hours)"
              state={state}
              saved={settings.maxDelayHours}
              inputMode="numeric"
              required
            />
            <Field
              form={form}
              name="maxAttempts"
              label="Attempts before operations are told"
              state={state}
              saved={settings.maxAttempts}
              inputMode="numeric"
              required
            />
          </>
        )}
      </SettingsForm>
    </section>
  );
}
