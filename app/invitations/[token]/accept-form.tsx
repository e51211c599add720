"use client";

import { useActionState } from "react";
import { FormField } from "@/app/_components/form-field";
import { acceptInvitationAction, type AcceptInvitationState } from "./actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<AcceptInvitationState, FormData>(
    acceptInvitationAction,
    {},
  );
  return (
    <form action={action} className="form" noValidate>
      {state.error && !state.fieldErrors && (
        <p className="alert error" role="alert">
          {state.error}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <FormField name="email" label="E-mail" value={email} readOnly />
      <FormField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={state.fieldErrors?.password}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Join the team"}
      </button>
    </form>
  );
}
