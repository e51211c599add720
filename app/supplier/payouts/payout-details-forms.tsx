"use client";

import { useActionState } from "react";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { connectStripeAction, saveBankDetailsAction, type PayoutActionState } from "./actions";

/** "Connect with Stripe" or "Continue Stripe setup": both open a fresh onboarding link. */
export function ConnectStripeForm({ label }: { label: string }) {
  const [state, action, pending] = useActionState<PayoutActionState, FormData>(connectStripeAction, {});
  return (
    <form action={action} className="form">
      <FormMessages state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Opening Stripe…" : label}
      </button>
    </form>
  );
}

export interface BankDetailsValues {
  accountHolder: string;
  iban: string;
  bic: string;
}

export function BankDetailsForm({ saved }: { saved: BankDetailsValues }) {
  const [state, action, pending] = useActionState<PayoutActionState, FormData>(saveBankDetailsAction, {});
  const value = (name: keyof BankDetailsValues) => state.values?.[name] ?? saved[name];
  const error = (name: keyof BankDetailsValues) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      <FormField
        name="accountHolder"
        label="Account holder"
        autoComplete="organization"
        defaultValue={value("accountHolder")}
        error={error("accountHolder")}
        required
      />
      <FormField
        name="iban"
        label="IBAN"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={value("iban")}
        error={error("iban")}
        required
      />
      <FormField
        name="bic"
        label="BIC (optional)"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={value("bic")}
        error={error("bic")}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save bank details"}
      </button>
    </form>
  );
}
