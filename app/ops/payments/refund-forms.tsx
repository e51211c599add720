"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { recordBankRefundAction, retryRefundAction } from "./refund-actions";
import styles from "../ops.module.css";

/** `refundLabel` names the row for screen readers, where every row's fields and buttons read alike. */
export function RetryRefundForm({ refundId, refundLabel }: { refundId: string; refundLabel: string }) {
  const form = useFormAction(retryRefundAction);
  return (
    <form {...form.props} className={styles.rowForm}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="refundId" value={refundId} />
      <button type="submit" className="small secondary" disabled={form.pending}>
        {form.pending ? "Sending…" : "Try the card again"}
        <span className="visually-hidden"> ({refundLabel})</span>
      </button>
    </form>
  );
}

export function RecordBankRefundForm({ refundId, refundLabel }: { refundId: string; refundLabel: string }) {
  const form = useFormAction(recordBankRefundAction);
  const referenceError = form.error("reference");
  const id = `bank-refund-reference-${refundId}`;
  return (
    <form {...form.props} className={styles.rowForm}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="refundId" value={refundId} />
      <div className="field">
        <label htmlFor={id}>
          Bank transfer reference<span className="visually-hidden"> ({refundLabel})</span>
        </label>
        <input
          id={id}
          name="reference"
          required
          minLength={3}
          maxLength={140}
          defaultValue={form.value("reference")}
          aria-invalid={referenceError ? true : undefined}
          aria-describedby={referenceError ? `${id}-error` : undefined}
        />
        {referenceError && (
          <span id={`${id}-error`} className="field-error" role="alert">
            {referenceError}
          </span>
        )}
      </div>
      <button type="submit" className="small" disabled={form.pending}>
        {form.pending ? "Saving…" : "Refunded by bank transfer"}
        <span className="visually-hidden"> ({refundLabel})</span>
      </button>
    </form>
  );
}
