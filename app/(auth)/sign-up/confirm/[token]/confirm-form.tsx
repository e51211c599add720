"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { confirmSignUpAction } from "../../../actions";

export function ConfirmSignUpForm({
  token,
  kind,
}: {
  token: string;
  kind: "BUYER" | "SUPPLIER" | "PLATFORM";
}) {
  const form = useFormAction(confirmSignUpAction);
  return (
    <form {...form.props} className="form">
      <FormMessages state={form.messages} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Finishing…" : kind === "SUPPLIER" ? "Send application" : "Finish sign-up"}
      </button>
    </form>
  );
}
