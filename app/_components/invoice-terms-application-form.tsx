"use client";

import { FieldError } from "@/app/_components/field-error";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { applyForInvoiceTermsAction } from "@/app/account/invoice-terms-actions";
import styles from "./invoice-terms.module.css";

/**
 * A buyer's application for invoice terms: register number and court, expected monthly volume, billing
 * contact and an optional note. On the account page and at checkout (beside, not inside, the checkout
 * form); `german` asks for the Handelsregister number's format.
 */
export function InvoiceTermsApplicationForm({
  german,
  contactName,
  contactEmail,
}: {
  german: boolean;
  contactName: string;
  contactEmail: string;
}) {
  const form = useFormAction(applyForInvoiceTermsAction, {
    defaults: { billingContactName: contactName, billingContactEmail: contactEmail },
  });
  const noteError = form.error("applicationNote");
  return (
    <form {...form.props} className="form" noValidate aria-label="Apply for invoice terms">
      <FormMessages state={form.messages} />
      <div className={styles.two}>
        <FormField
          name="registerNumber"
          label={german ? "Handelsregister number" : "Company register number"}
          hint={german ? "As in the register, e.g. HRB 12345 B." : "As in your country's company register."}
          required
          defaultValue={form.value("registerNumber")}
          error={form.error("registerNumber")}
        />
        <FormField
          name="registerCourt"
          label="Register court and city"
          hint={german ? "e.g. Amtsgericht Charlottenburg (Berlin)" : "The court or office that keeps it."}
          required
          defaultValue={form.value("registerCourt")}
          error={form.error("registerCourt")}
        />
      </div>
      <FormField
        name="expectedMonthlyVolumeEuros"
        label="Expected orders per month (€, net)"
        inputMode="numeric"
        hint="A rough figure in whole euros, e.g. 3000: it helps us set your credit limit."
        required
        defaultValue={form.value("expectedMonthlyVolumeEuros")}
        error={form.error("expectedMonthlyVolumeEuros")}
      />
      <div className={styles.two}>
        <FormField
          name="billingContactName"
          label="Billing contact"
          hint="Who receives the invoices: a person or department."
          autoComplete="name"
          required
          defaultValue={form.value("billingContactName")}
          error={form.error("billingContactName")}
        />
        <FormField
          name="billingContactEmail"
          label="Billing contact's e-mail"
          type="email"
          autoComplete="email"
          required
          defaultValue={form.value("billingContactEmail")}
          error={form.error("billingContactEmail")}
        />
      </div>
      <div className="field">
        <label htmlFor="applicationNote">Note (optional)</label>
        <textarea
          id="applicationNote"
          name="applicationNote"
          rows={3}
          maxLength={1000}
          placeholder="Anything that helps us decide: your ordering plans, a reference…"
          defaultValue={form.value("applicationNote") ?? ""}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? "applicationNote-error" : undefined}
        />
        <FieldError id="applicationNote-error" message={noteError} />
      </div>
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Sending…" : "Apply for invoice terms"}
        </button>
      </div>
    </form>
  );
}
