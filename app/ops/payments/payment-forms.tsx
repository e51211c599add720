"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import {
  markInvoicePaidAction,
  markPayoutTransferredAction,
  retryPayoutAction,
  runLedgerCheckAction,
} from "./actions";
import styles from "../ops.module.css";

export function RunLedgerCheckForm() {
  const form = useFormAction(runLedgerCheckAction);
  return (
    <form {...form.props} className="form">
      <FormMessages state={form.messages} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={form.pending}>
          {form.pending ? "Checking…" : "Run the check now"}
        </button>
      </div>
    </form>
  );
}

/** `invoiceNumber` names the row for screen readers, where every row's fields and button read alike. */
export function MarkInvoicePaidForm({
  invoiceId,
  invoiceNumber,
  today,
}: {
  invoiceId: string;
  invoiceNumber: string;
  today: string;
}) {
  const form = useFormAction(markInvoicePaidAction);
  const paidOnError = form.error("paidOn");
  const referenceError = form.error("reference");
  return (
    <form {...form.props} className={styles.rowForm}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <div className="field">
        <label htmlFor={`paid-on-${invoiceId}`}>
          Paid on<span className="visually-hidden"> ({invoiceNumber})</span>
        </label>
        <input
          id={`paid-on-${invoiceId}`}
          name="paidOn"
          type="date"
          required
          max={today}
          defaultValue={form.value("paidOn") ?? today}
          aria-invalid={paidOnError ? true : undefined}
          aria-describedby={paidOnError ? `paid-on-${invoiceId}-error` : undefined}
        />
        {paidOnError && (
          <span id={`paid-on-${invoiceId}-error`} className="field-error">
            {paidOnError}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`paid-reference-${invoiceId}`}>
          Bank reference (optional)<span className="visually-hidden"> ({invoiceNumber})</span>
        </label>
        <input
          id={`paid-reference-${invoiceId}`}
          name="reference"
          maxLength={140}
          defaultValue={form.value("reference")}
          aria-invalid={referenceError ? true : undefined}
          aria-describedby={referenceError ? `paid-reference-${invoiceId}-error` : undefined}
        />
        {referenceError && (
          <span id={`paid-reference-${invoiceId}-error`} className="field-error">
            {referenceError}
          </span>
        )}
      </div>
      <button type="submit" className="small" disabled={form.pending}>
        {form.pending ? "Saving…" : "Mark paid"}
        <span className="visually-hidden"> {invoiceNumber}</span>
      </button>
    </form>
  );
}

export function RetryPayoutForm({ payoutId, payoutLabel }: { payoutId: string; payoutLabel: string }) {
  const form = useFormAction(retryPayoutAction);
  return (
    <form {...form.props} className={styles.rowForm}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="payoutId" value={payoutId} />
      <button type="submit" className="small" disabled={form.pending}>
        {form.pending ? "Retrying…" : "Retry"}
        <span className="visually-hidden"> the payout {payoutLabel}</span>
      </button>
    </form>
  );
}

export function MarkPayoutTransferredForm({
  payoutId,
  payoutLabel,
}: {
  payoutId: string;
  payoutLabel: string;
}) {
  const form = useFormAction(markPayoutTransferredAction);
  const referenceError = form.error("reference");
  return (
    <form {...form.props} className={styles.rowForm}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="payoutId" value={payoutId} />
      <div className="field">
        <label htmlFor={`transfer-reference-${payoutId}`}>
          Transfer reference<span className="visually-hidden"> ({payoutLabel})</span>
        </label>
        <input
          id={`transfer-reference-${payoutId}`}
          name="reference"
          required
          minLength={3}
          maxLength={140}
          defaultValue={form.value("reference")}
          aria-invalid={referenceError ? true : undefined}
          aria-describedby={referenceError ? `transfer-reference-${payoutId}-error` : undefined}
        />
        {referenceError && (
          <span id={`transfer-reference-${payoutId}-error`} className="field-error">
            {referenceError}
          </span>
        )}
      </div>
      <button type="submit" className="small" disabled={form.pending}>
        {form.pending ? "Saving…" : "Mark transferred"}
        <span className="visually-hidden"> {payoutLabel}</span>
      </button>
    </form>
  );
}
