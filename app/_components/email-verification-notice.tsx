"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { sendVerificationLinkAction } from "@/app/account/security-actions";
import { useFormAction } from "@/lib/forms/use-form-action";

/**
 * For a user whose address is not confirmed yet (lib/account/assert-email-verified.ts): why the first
 * order waits, and "Send the link again". On the checkout and the account page.
 */
export function EmailVerificationNotice({ email }: { email: string }) {
  const form = useFormAction(sendVerificationLinkAction);
  return (
    <div className="alert warn" role="region" aria-label="Confirm your e-mail address">
      <p>
        Confirm your e-mail address {email} before your first order: open the link we e-mailed you. No e-mail,
        or the link expired?
      </p>
      <form {...form.props}>
        <FormMessages state={form.messages} />
        <button type="submit" className="secondary" disabled={form.pending}>
          {form.pending ? "Sending…" : "Send the link again"}
        </button>
      </form>
    </div>
  );
}
