"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { FormField } from "@/app/_components/form-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { createOperationsUserAction } from "./actions";

export function CreateOperationsUserForm() {
  const form = useFormAction(createOperationsUserAction);
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <FormField
        name="name"
        label="Name"
        required
        defaultValue={form.value("name")}
        error={form.error("name")}
      />
      <FormField
        name="email"
        label="E-mail"
        type="email"
        required
        defaultValue={form.value("email")}
        error={form.error("email")}
      />
      <FormField
        name="initialPassword"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. Hand it over in person or by phone."
        error={form.error("initialPassword")}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Creating…" : "Create operations account"}
      </button>
    </form>
  );
}
