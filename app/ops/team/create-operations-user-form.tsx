"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useActionState } from "react";
import type { FormState } from "@/app/(auth)/actions";
import { FormField } from "@/app/_components/form-field";
import { createOperationsUserAction } from "./actions";

export function CreateOperationsUserForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createOperationsUserAction, {});
  const value = (name: string) => (state.success ? "" : String(state.values?.[name] ?? ""));
  return (
    <form action={action} className="form" noValidate key={state.success ?? "form"}>
      <FormMessages state={state} />
      <FormField
        name="name"
        label="Name"
        required
        defaultValue={value("name")}
        error={state.fieldErrors?.name}
      />
      <FormField
        name="email"
        label="E-mail"
        type="email"
        required
        defaultValue={value("email")}
        error={state.fieldErrors?.email}
      />
      <FormField
        name="initialPassword"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. Hand it over in person or by phone."
        error={state.fieldErrors?.initialPassword}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create operations account"}
      </button>
    </form>
  );
}
