"use client";

import Link from "next/link";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { verifyEmailAction } from "../../account-link-actions";

export function VerifyEmailForm({ token }: { token: string }) {
  const form = useFormAction(verifyEmailAction);
  if (form.messages.success)
    return (
      <>
        <FormMessages state={form.messages} />
        <p>
          <Link href="/checkout">Go to the checkout</Link> · <Link href="/">Upload parts</Link>
        </p>
      </>
    );
  return (
    <form {...form.props} className="form">
      <FormMessages state={form.messages} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Confirming…" : "Confirm my address"}
      </button>
    </form>
  );
}
