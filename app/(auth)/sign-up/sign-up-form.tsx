"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { SignUpSent } from "@/app/_components/sign-up-sent";
import { useActionState } from "react";
import { CountrySelect } from "@/app/_components/country-select";
import { AccountHolderFields } from "@/app/_components/account-holder-fields";
import { FormField } from "@/app/_components/form-field";
import { signUpAction, type FormState } from "../actions";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  if (state.success) return <SignUpSent message={state.success} againHref="/sign-up" />;
  const value = (name: string) => String(state.values?.[name] ?? "");
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormField
        name="companyName"
        label="Company"
        autoComplete="organization"
        required
        defaultValue={value("companyName")}
        error={error("companyName")}
      />
      <CountrySelect defaultValue={value("countryCode") || undefined} error={error("countryCode")} />
      <AccountHolderFields state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
