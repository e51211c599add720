"use client";

import { useActionState } from "react";
import { FormMessages } from "@/app/_components/form-messages";
import { confirmSignUpAction, type FormState } from "../../../actions";

export function ConfirmSignUpForm({
  token,
  kind,
}: {
  token: string;
  kind: "BUYER" | "SUPPLIER" | "PLATFORM";
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(confirmSignUpAction, {});
  return (
    <form action={action} className="form">
      <FormMessages state={state} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending}>
        {pending ? "Finishing…" : kind === "SUPPLIER" ? "Send application" : "Finish sign-up"}
      </button>
    </form>
  );
}
