"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { SignUpSent } from "@/app/_components/sign-up-sent";
import { CountrySelect } from "@/app/_components/country-select";
import { AccountHolderFields } from "@/app/_components/account-holder-fields";
import { FormField } from "@/app/_components/form-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { signUpAction } from "../actions";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const form = useFormAction(signUpAction);
  if (form.messages.success) return <SignUpSent message={form.messages.success} againHref="/sign-up" />;
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormField
        name="companyName"
        label="Company"
        autoComplete="organization"
        required
        defaultValue={form.value("companyName")}
        error={form.error("companyName")}
      />
      <CountrySelect defaultValue={form.value("countryCode")} error={form.error("countryCode")} />
      <AccountHolderFields form={form} />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
