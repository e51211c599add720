"use client";

import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { requestPasswordResetAction } from "../account-link-actions";

export function ForgotPasswordForm() {
  const form = useFormAction(requestPasswordResetAction, { resetOnSuccess: false });
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <FormField
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={form.value("email")}
        error={form.error("email")}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}
