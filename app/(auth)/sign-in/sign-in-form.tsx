"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { FormField } from "@/app/_components/form-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const form = useFormAction(signInAction);
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormField
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={form.value("email")}
      />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
