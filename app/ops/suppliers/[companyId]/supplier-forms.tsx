"use client";

import { CheckedFileField } from "@/app/_components/checked-file-field";
import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import {
  auditCheckMethods,
  auditCheckResults,
  auditChecklistItemKeys,
  auditChecklistItems,
  type AuditCheck,
  type AuditChecklist,
  type AuditChecklistItem,
} from "@/lib/audits/audit-checklist";
import { auditDecisions } from "@/lib/audits/audit-decisions";
import { auditPurposes } from "@/lib/audits/audit-purposes";
import { useFormAction } from "@/lib/forms/use-form-action";
import {
  addEvidenceAction,
  decideAuditAction,
  openAuditAction,
  reinstateSupplierAction,
  saveChecklistAction,
  suspendSupplierAction,
  type ChecklistReply,
} from "./actions";
import { ProbationFields } from "./probation-fields";
import styles from "./supplier.module.css";
import opsStyles from "../../ops.module.css";

function TextArea({
  name,
  label,
  error,
  hint,
  rows = 3,
  required,
  defaultValue,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  rows?: number;
  required?: boolean;
  defaultValue?: string;
}) {
  const describedBy = [error ? `${name}-error` : "", hint ? `${name}-hint` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <textarea
        id={name}
        name={name}
        rows={rows}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <span id={`${name}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldError id={`${name}-error`} message={error} />
    </div>
  );
}

export function ChecklistForm({
  companyId,
  auditId,
  checklist,
  shownAt,
}: {
  companyId: string;
  auditId: string;
  checklist: AuditChecklist;
  /** The audit's updatedAt when the page was rendered. */
  shownAt: string;
}) {
  const form = useFormAction(saveChecklistAction);
  const error = form.error;
  // After a refused save the form shows what was typed, not the stored checklist.
  const typed = (key: string, field: "result" | "method" | "note", stored: string) =>
    form.value(`${key}.${field}`) ?? stored;
  // Someone saved meanwhile: their entries beside each differing item, and their version in shownAt so
  // that saving again keeps what this auditor typed.
  const conflict = (form.reply as ChecklistReply | null)?.checklistConflict;
  const savedMeanwhile = (key: AuditChecklistItem, item: AuditCheck) => {
    const theirs = conflict?.checklist[key];
    if (!theirs) return null;
    const same =
      theirs.result === typed(key, "result", item.result) &&
      (theirs.method ?? "") === typed(key, "method", item.method ?? "") &&
      theirs.note === typed(key, "note", item.note).trim();
    if (same) return null;
    return [
      auditCheckResults[theirs.result],
      theirs.method ? auditCheckMethods[theirs.method] : "",
      theirs.note ? `“${theirs.note}”` : "",
    ]
      .filter(Boolean)
      .join(" · ");
  };
  return (
    <form {...form.props} className="form audit-checklist">
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="auditId" value={auditId} />
      <input type="hidden" name="shownAt" value={conflict?.updatedAt ?? shownAt} />
      {auditChecklistItemKeys.map((key) => {
        const item = checklist[key];
        const theirs = savedMeanwhile(key, item);
        return (
          <fieldset key={key} className="check-item">
            <legend>{auditChecklistItems[key]}</legend>
            {theirs && (
              <p className={styles.checkConflict}>
                Saved meanwhile by {conflict?.savedBy ?? "someone else"}: {theirs}
              </p>
            )}
            <div
              className={styles.checkResults}
              role="radiogroup"
              aria-label={`Result: ${auditChecklistItems[key]}`}
            >
              {(Object.keys(auditCheckResults) as (keyof typeof auditCheckResults)[]).map((result) => (
                <label key={result}>
                  <input
                    type="radio"
                    name={`${key}.result`}
                    value={result}
                    defaultChecked={typed(key, "result", item.result) === result}
                  />
                  {auditCheckResults[result]}
                </label>
              ))}
            </div>
            <div className={styles.checkDetails}>
              <div className="field">
                <label htmlFor={`${key}-method`}>How verified</label>
                <select
                  id={`${key}-method`}
                  name={`${key}.method`}
                  defaultValue={typed(key, "method", item.method ?? "")}
                  aria-invalid={error(`${key}.method`) ? true : undefined}
                  aria-describedby={error(`${key}.method`) ? `${key}-method-error` : undefined}
                >
                  <option value="">—</option>
                  {(Object.keys(auditCheckMethods) as (keyof typeof auditCheckMethods)[]).map((method) => (
                    <option key={method} value={method}>
                      {auditCheckMethods[method]}
                    </option>
                  ))}
                </select>
                <FieldError id={`${key}-method-error`} message={error(`${key}.method`)} />
              </div>
              <div className="field">
                <label htmlFor={`${key}-note`}>Note</label>
                <input
                  id={`${key}-note`}
                  name={`${key}.note`}
                  defaultValue={typed(key, "note", item.note)}
                  aria-invalid={error(`${key}.note`) ? true : undefined}
                  aria-describedby={error(`${key}.note`) ? `${key}-note-error` : undefined}
                />
                <FieldError id={`${key}-note-error`} message={error(`${key}.note`)} />
              </div>
            </div>
          </fieldset>
        );
      })}
      <FormMessages state={form.messages} />
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save checklist"}
        </button>
      </div>
    </form>
  );
}

export function EvidenceForm({ companyId, auditId }: { companyId: string; auditId: string }) {
  const form = useFormAction(addEvidenceAction);
  return (
    <form {...form.props} className={`form ${opsStyles.rowForm}`}>
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="auditId" value={auditId} />
      <div className="field">
        <label htmlFor="evidence-description">What it shows</label>
        <input
          id="evidence-description"
          name="description"
          required
          placeholder="Sample part measurement report"
          defaultValue={form.value("description")}
          aria-invalid={form.error("description") ? true : undefined}
          aria-describedby={form.error("description") ? "evidence-description-error" : undefined}
        />
        <FieldError id="evidence-description-error" message={form.error("description")} />
      </div>
      <CheckedFileField
        idPrefix="evidence"
        name="file"
        label="Evidence file"
        rule="scan"
        required
        accept="application/pdf,image/png,image/jpeg"
        hint="PDF, PNG or JPEG, up to 10 MB"
        serverError={form.error("file")}
      />
      <FormMessages state={form.messages} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={form.pending}>
          {form.pending ? "Uploading…" : "Keep as evidence"}
        </button>
      </div>
    </form>
  );
}

export function DecisionForm({
  companyId,
  auditId,
  defaultExpiresOn,
  minExpiresOn,
  defaultDueOn,
}: {
  companyId: string;
  auditId: string;
  defaultExpiresOn: string;
  minExpiresOn: string;
  defaultDueOn: string;
}) {
  const form = useFormAction(decideAuditAction);
  const error = form.error;
  return (
    <form {...form.props} className="form">
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="auditId" value={auditId} />
      <fieldset className="field">
        <legend>Decision</legend>
        <div className="checks">
          {(Object.keys(auditDecisions) as (keyof typeof auditDecisions)[]).map((decision) => (
            <label key={decision}>
              <input
                type="radio"
                name="decision"
                value={decision}
                defaultChecked={form.value("decision") === decision}
              />
              {auditDecisions[decision]}
            </label>
          ))}
        </div>
        <FieldError id="decision-error" message={error("decision")} />
      </fieldset>
      <div className="field">
        <label htmlFor="expiresOn">Approval valid until</label>
        <input
          id="expiresOn"
          name="expiresOn"
          type="date"
          min={minExpiresOn}
          defaultValue={form.value("expiresOn") ?? defaultExpiresOn}
          aria-invalid={error("expiresOn") ? true : undefined}
          aria-describedby={error("expiresOn") ? "expiresOn-hint expiresOn-error" : "expiresOn-hint"}
        />
        <span id="expiresOn-hint" className="hint">
          For approvals; at most three years ahead. Renewal shows up 30 days before.
        </span>
        <FieldError id="expiresOn-error" message={error("expiresOn")} />
      </div>
      <TextArea
        name="conditions"
        label="Conditions (for an approval with conditions)"
        defaultValue={form.value("conditions")}
        error={error("conditions")}
        hint="What the partner must do, and by when."
      />
      <ProbationFields value={form.value} error={error} defaultDueOn={defaultDueOn} />
      <TextArea
        name="note"
        label="Auditor's note (the reasons, for a rejection)"
        defaultValue={form.value("note")}
        error={error("note")}
      />
      <FormMessages state={form.messages} />
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Recording…" : "Record the decision"}
        </button>
      </div>
    </form>
  );
}

export function OpenAuditForm({ companyId }: { companyId: string }) {
  const form = useFormAction(openAuditAction);
  return (
    <form {...form.props} className={`form ${opsStyles.rowForm}`}>
      <input type="hidden" name="companyId" value={companyId} />
      <div className="field">
        <label htmlFor="purpose">Why</label>
        <select id="purpose" name="purpose" defaultValue={form.value("purpose") ?? "Renewal"}>
          {auditPurposes.map((purpose) => (
            <option key={purpose} value={purpose}>
              {purpose}
            </option>
          ))}
        </select>
      </div>
      <FormMessages state={form.messages} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={form.pending}>
          {form.pending ? "Opening…" : "Open a new audit"}
        </button>
      </div>
    </form>
  );
}

export function SuspendForm({ companyId, name }: { companyId: string; name: string }) {
  const form = useFormAction(suspendSupplierAction);
  return (
    <form {...form.props} className="form">
      <input type="hidden" name="companyId" value={companyId} />
      <TextArea
        name="reason"
        label="Reason for the suspension"
        required
        defaultValue={form.value("reason")}
        error={form.error("reason")}
        hint={`${name} is told the reason. Its open offers are withdrawn and go to the next partner; jobs it accepted stay with it.`}
      />
      <FormMessages state={form.messages} />
      <div className="actions">
        <ConfirmSubmitButton
          className="danger"
          disabled={form.pending}
          question={`Suspend ${name}? Its open offers are withdrawn at once and go to other partners; it is told by e-mail.`}
        >
          {form.pending ? "Suspending…" : "Suspend the partner"}
        </ConfirmSubmitButton>
      </div>
    </form>
  );
}

export function ReinstateForm({ companyId }: { companyId: string }) {
  const form = useFormAction(reinstateSupplierAction);
  return (
    <form {...form.props} className="form">
      <input type="hidden" name="companyId" value={companyId} />
      <TextArea
        name="reason"
        label="Reason for lifting the suspension"
        required
        defaultValue={form.value("reason")}
        error={form.error("reason")}
      />
      <FormMessages state={form.messages} />
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Reinstating…" : "Reinstate the partner"}
        </button>
      </div>
    </form>
  );
}
