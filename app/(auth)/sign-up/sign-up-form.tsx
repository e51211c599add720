"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useActionState } from "react";
import { CountrySelect } from "@/app/_components/country-select";
import { FormField } from "@/app/_components/form-field";
import { signUpAction, type FormState } from "../actions";

export function SignUpForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  const value = (name: string) => String(state.values?.[name] ?? "");
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      <FormField
        name="companyName"
        label="Company"
        autoComplete="organization"
        required
        defaultValue={value("companyName")}
        error={error("companyName")}
      />
      <CountrySelect defaultValue={value("countryCode") || undefined} error={error("countryCode")} />
      <FormField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={value("name")}
        error={error("name")}
      />
      <FormField
        name="email"
        label="Work e-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={value("email")}
        error={error("email")}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={error("password")}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
