"use client";

import { CheckedFileField } from "@/app/_components/checked-file-field";
import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { assignBankEntryAction, settleBankCreditAction, uploadBankStatementAction } from "./actions";
import opsStyles from "../../ops.module.css";
import styles from "./bank-statements.module.css";

export function UploadStatementForm() {
  const form = useFormAction(uploadBankStatementAction);
  return (
    <form {...form.props} className="form">
      <CheckedFileField
        name="statement"
        label="Bank statement"
        rule="bankStatement"
        required
        accept=".xml,.csv,.txt,application/xml,text/xml,text/csv"
        hint="CAMT.053 (XML) as your bank exports it, or a CSV with the columns date, amount, reference (and optionally currency, name, iban, bank reference); up to 10 MB. Uploading a statement again changes nothing."
        serverError={form.error("statement")}
      />
      <FormMessages state={form.messages} />
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Reading…" : "Upload and match"}
        </button>
      </div>
    </form>
  );
}

/** `label` names the row for screen readers, where every row's fields read alike. */
export function AssignEntryForm({ entryId, label }: { entryId: string; label: string }) {
  const form = useFormAction(assignBankEntryAction);
  const error = form.error("orderNumber");
  const id = `assign-${entryId}`;
  return (
    <form {...form.props} className={opsStyles.rowForm}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="entryId" value={entryId} />
      <div className="field">
        <label htmlFor={id}>
          Order number<span className="visually-hidden"> for {label}</span>
        </label>
        <input
          id={id}
          name="orderNumber"
          required
          placeholder="Q-2026-000123"
          defaultValue={form.value("orderNumber")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <button type="submit" className="small secondary" disabled={form.pending}>
        {form.pending ? "Booking…" : "Book to this order"}
      </button>
    </form>
  );
}

export function SettleCreditForm({ entryId, label }: { entryId: string; label: string }) {
  const form = useFormAction(settleBankCreditAction);
  const noteError = form.error("note");
  const decisionError = form.error("decision");
  const id = `settle-${entryId}`;
  const decision = form.value("decision") ?? "REFUNDED";
  return (
    <form {...form.props} className={opsStyles.rowForm}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="entryId" value={entryId} />
      <fieldset className={`field ${styles.decision}`}>
        <legend className="visually-hidden">What happened to the credit of {label}</legend>
        <label className="check">
          <input type="radio" name="decision" value="REFUNDED" defaultChecked={decision === "REFUNDED"} />{" "}
          Refunded
        </label>
        <label className="check">
          <input type="radio" name="decision" value="KEPT" defaultChecked={decision === "KEPT"} /> Kept
        </label>
        <FieldError id={`${id}-decision-error`} message={decisionError} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          Note<span className="visually-hidden"> for {label}</span>
        </label>
        <input
          id={`${id}-note`}
          name="note"
          required
          maxLength={300}
          placeholder="Transferred back on 8 Dec"
          defaultValue={form.value("note")}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `${id}-note-error` : undefined}
        />
        <FieldError id={`${id}-note-error`} message={noteError} />
      </div>
      <button type="submit" className="small secondary" disabled={form.pending}>
        {form.pending ? "Saving…" : "Record"}
      </button>
    </form>
  );
}
