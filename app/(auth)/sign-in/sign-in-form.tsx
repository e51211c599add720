"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useActionState } from "react";
import { FormField } from "@/app/_components/form-field";
import { signInAction, type FormState } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormField
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={String(state.values?.email ?? "")}
      />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
