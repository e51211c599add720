"use client";

import Link from "next/link";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { resetPasswordAction } from "../../account-link-actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const form = useFormAction(resetPasswordAction);
  if (form.messages.success)
    return (
      <>
        <FormMessages state={form.messages} />
        <p>
          <Link href="/sign-in" className="button">
            Sign in
          </Link>
        </p>
      </>
    );
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <input type="hidden" name="token" value={token} />
      <FormField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={form.error("password")}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Save the new password"}
      </button>
    </form>
  );
}
