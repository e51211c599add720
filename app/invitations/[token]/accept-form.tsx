"use client";

import { FormField } from "@/app/_components/form-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const form = useFormAction(acceptInvitationAction);
  return (
    <form {...form.props} className="form" noValidate>
      {form.messages.error && (
        <p className="alert error" role="alert">
          {form.messages.error}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <FormField name="email" label="E-mail" value={email} readOnly />
      <FormField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={form.value("name")}
        error={form.error("name")}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={form.error("password")}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Creating your account…" : "Join the team"}
      </button>
    </form>
  );
}
