"use client";

import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { connectStripeAction, saveBankDetailsAction } from "./actions";

/** "Connect with Stripe" or "Continue Stripe setup": both open a fresh onboarding link. */
export function ConnectStripeForm({ label }: { label: string }) {
  const form = useFormAction(connectStripeAction);
  return (
    <form {...form.props} className="form">
      <FormMessages state={form.messages} />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Opening Stripe…" : label}
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
  const form = useFormAction(saveBankDetailsAction, { defaults: { ...saved } });
  const { value, error } = form;
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
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
        label="BIC"
        hint="Needed for an account outside the EU and EEA (Switzerland, the UK, Monaco…); optional otherwise."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={value("bic")}
        error={error("bic")}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Save bank details"}
      </button>
    </form>
  );
}
