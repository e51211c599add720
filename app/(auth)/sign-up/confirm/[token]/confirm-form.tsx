"use client";

import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { confirmSignUpAction } from "../../../actions";

/** The password chosen when signing up, typed again: a link alone never makes an account (decision 0111). */
export function ConfirmSignUpForm({
  token,
  kind,
}: {
  token: string;
  kind: "BUYER" | "SUPPLIER" | "PLATFORM";
}) {
  const form = useFormAction(confirmSignUpAction);
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <input type="hidden" name="token" value={token} />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        hint="The password you chose when signing up."
        error={form.error("password")}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Finishing…" : kind === "SUPPLIER" ? "Send application" : "Finish sign-up"}
      </button>
    </form>
  );
}
