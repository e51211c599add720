"use client";

import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { liftProbationAction } from "./probation-actions";

export function LiftProbationForm({ companyId }: { companyId: string }) {
  const form = useFormAction(liftProbationAction);
  const error = form.error("reason");
  return (
    <form {...form.props} className="form">
      <input type="hidden" name="companyId" value={companyId} />
      <div className="field">
        <label htmlFor="liftReason">Why the conditions are met</label>
        <textarea
          id="liftReason"
          name="reason"
          rows={3}
          required
          defaultValue={form.value("reason")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "reason-error" : undefined}
        />
        <FieldError id="reason-error" message={error} />
      </div>
      <FormMessages state={form.messages} />
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Lifting…" : "Lift the probation"}
        </button>
      </div>
    </form>
  );
}
