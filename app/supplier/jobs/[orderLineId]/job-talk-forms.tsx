"use client";

import { CheckedFileField } from "@/app/_components/checked-file-field";
import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { answerComplaintAction } from "./talk-actions";

/** The partner's one answer to a complaint: text and up to five photos. */
export function ComplaintAnswerForm({
  orderLineId,
  complaintId,
  until,
}: {
  orderLineId: string;
  complaintId: string;
  until: string;
}) {
  const form = useFormAction(answerComplaintAction);
  if (form.messages.success) return <FormMessages state={form.messages} />;
  const id = (name: string) => `${name}-${complaintId}`;
  return (
    <form {...form.props} className="form" aria-label="Answer the complaint">
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <input type="hidden" name="complaintId" value={complaintId} />
      <div className="field">
        <label htmlFor={id("answer")}>Your answer (by {until})</label>
        <textarea
          id={id("answer")}
          name="answer"
          rows={4}
          required
          minLength={10}
          maxLength={5000}
          defaultValue={form.value("answer")}
          aria-invalid={form.error("answer") ? true : undefined}
          aria-describedby={[id("answer-hint"), form.error("answer") ? id("answer-error") : ""]
            .filter(Boolean)
            .join(" ")}
        />
        <span id={id("answer-hint")} className="hint">
          Operations read it before they decide. No contact details or names: they do not pass to the buyer.
        </span>
        <FieldError id={id("answer-error")} message={form.error("answer")} />
      </div>
      <CheckedFileField
        name="photos"
        rule="complaintPhotos"
        accept="image/jpeg,image/png,image/webp,image/heic"
        idPrefix={complaintId}
        label="Photos (optional, up to 5, 10 MB each)"
        serverError={form.error("photos")}
      />
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Sending…" : "Send the answer"}
        </button>
      </div>
    </form>
  );
}
