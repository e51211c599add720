"use client";

import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { FieldError } from "@/app/_components/field-error";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import {
  approveInvoiceTermsAction,
  changeInvoiceTermsAction,
  declineInvoiceTermsAction,
  withdrawInvoiceTermsAction,
} from "./actions";
import styles from "./invoice-terms-company.module.css";

type Form = ReturnType<typeof useFormAction>;

function TermsFields({ form, limitEuros, termsDays }: { form: Form; limitEuros: string; termsDays: string }) {
  return (
    <div className={styles.two}>
      <FormField
        name="creditLimitEuros"
        label="Credit limit (€)"
        inputMode="numeric"
        hint="Open invoices plus a new order must stay below it. Whole euros, e.g. 5000."
        required
        defaultValue={form.value("creditLimitEuros") ?? limitEuros}
        error={form.error("creditLimitEuros")}
      />
      <FormField
        name="paymentTermsDays"
        label="Payment terms (days)"
        inputMode="numeric"
        required
        defaultValue={form.value("paymentTermsDays") ?? termsDays}
        error={form.error("paymentTermsDays")}
      />
    </div>
  );
}

/** `id` keeps the fields of the two forms that share a page (change and withdraw) apart. */
function ReasonField({ form, id, label, hint }: { form: Form; id: string; label: string; hint: string }) {
  const error = form.error("reason");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        maxLength={1000}
        defaultValue={form.value("reason") ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
      />
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Approves the pending application: the company pays by invoice within the limit and terms from now on. */
export function ApproveInvoiceTermsForm({
  companyId,
  applicationId,
  platformTermsDays,
}: {
  companyId: string;
  applicationId: string;
  platformTermsDays: number;
}) {
  const form = useFormAction(approveInvoiceTermsAction);
  return (
    <form {...form.props} className="form" noValidate aria-labelledby="approve-heading">
      <h3 id="approve-heading">Approve</h3>
      <FormMessages state={form.messages} />
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <TermsFields form={form} limitEuros="" termsDays={String(platformTermsDays)} />
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Approving…" : "Approve invoice terms"}
        </button>
      </div>
    </form>
  );
}

/** Declines the pending application with a reason the buyer reads (e-mail and account page). */
export function DeclineInvoiceTermsForm({
  companyId,
  applicationId,
}: {
  companyId: string;
  applicationId: string;
}) {
  const form = useFormAction(declineInvoiceTermsAction);
  return (
    <form {...form.props} className="form" noValidate aria-labelledby="decline-heading">
      <h3 id="decline-heading">Decline</h3>
      <FormMessages state={form.messages} />
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <ReasonField
        form={form}
        id="decline-reason"
        label="Reason for the buyer"
        hint="The buyer reads it and may apply again, so say what would change the answer."
      />
      <div className="actions">
        <button type="submit" className="danger" disabled={form.pending}>
          {form.pending ? "Declining…" : "Decline the application"}
        </button>
      </div>
    </form>
  );
}

/** Changes the limit and terms of a company that pays by invoice. */
export function ChangeInvoiceTermsForm({
  companyId,
  limitEuros,
  termsDays,
}: {
  companyId: string;
  limitEuros: string;
  termsDays: string;
}) {
  const form = useFormAction(changeInvoiceTermsAction);
  return (
    <form {...form.props} className="form" noValidate aria-labelledby="change-heading">
      <h3 id="change-heading">Change the terms</h3>
      <FormMessages state={form.messages} />
      <input type="hidden" name="companyId" value={companyId} />
      <TermsFields form={form} limitEuros={limitEuros} termsDays={termsDays} />
      <ReasonField
        form={form}
        id="change-reason"
        label="Reason"
        hint="For the audit log; the buyer's admins are e-mailed the new terms."
      />
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save the terms"}
        </button>
      </div>
    </form>
  );
}

/** Withdraws the company's invoice terms: new orders are paid in advance until it applies again. */
export function WithdrawInvoiceTermsForm({
  companyId,
  companyName,
}: {
  companyId: string;
  companyName: string;
}) {
  const form = useFormAction(withdrawInvoiceTermsAction);
  return (
    <form {...form.props} className="form" noValidate aria-labelledby="withdraw-heading">
      <h3 id="withdraw-heading">Withdraw invoice terms</h3>
      <FormMessages state={form.messages} />
      <input type="hidden" name="companyId" value={companyId} />
      <ReasonField
        form={form}
        id="withdraw-reason"
        label="Reason for the buyer"
        hint="E-mailed to the company's admins. Invoices already issued stay due as stated."
      />
      <div className="actions">
        <ConfirmSubmitButton
          className="danger"
          disabled={form.pending}
          question={`Withdraw ${companyName}'s invoice terms? New orders must then be paid in advance.`}
        >
          Withdraw invoice terms
        </ConfirmSubmitButton>
      </div>
    </form>
  );
}
