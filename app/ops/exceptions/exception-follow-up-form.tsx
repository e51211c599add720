"use client";

import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { saveExceptionFollowUpAction } from "./actions";
import styles from "./exceptions.module.css";

/** Who takes on one exception and the note every operator sees, saved together. */
export function ExceptionFollowUpForm({
  followUpKey,
  ownerUserId,
  note,
  operators,
  currentUserId,
}: {
  followUpKey: string;
  ownerUserId: string | null;
  note: string;
  operators: { id: string; name: string }[];
  currentUserId: string;
}) {
  const form = useFormAction(saveExceptionFollowUpAction, {
    resetOnSuccess: false,
    defaults: { ownerUserId: ownerUserId ?? "", note },
  });
  // Several of these forms share the page: each field's id carries the exception's key.
  const id = (name: string) => `${name}-${followUpKey.replace(":", "-")}`;
  const described = (name: string) => (form.error(name) ? id(`${name}-error`) : undefined);
  const owner = form.value("ownerUserId") ?? "";
  return (
    <form {...form.props} className={`form ${styles.followUpForm}`} data-testid="exception-follow-up-form">
      <FormMessages state={form.messages} />
      <input type="hidden" name="key" value={followUpKey} />
      <div className="field">
        <label htmlFor={id("ownerUserId")}>Owner</label>
        <select
          id={id("ownerUserId")}
          name="ownerUserId"
          defaultValue={owner}
          aria-invalid={form.error("ownerUserId") ? true : undefined}
          aria-describedby={described("ownerUserId")}
        >
          <option value="">Nobody yet</option>
          {operators.map((operator) => (
            <option key={operator.id} value={operator.id}>
              {operator.id === currentUserId ? `${operator.name} (me)` : operator.name}
            </option>
          ))}
        </select>
        <FieldError id={id("ownerUserId-error")} message={form.error("ownerUserId")} />
      </div>
      <div className="field">
        <label htmlFor={id("note")}>Note for operations</label>
        <textarea
          id={id("note")}
          name="note"
          rows={2}
          defaultValue={form.value("note") ?? ""}
          aria-invalid={form.error("note") ? true : undefined}
          aria-describedby={described("note")}
        />
        <FieldError id={id("note-error")} message={form.error("note")} />
      </div>
      <button type="submit" className="secondary" disabled={form.pending}>
        {form.pending ? "Saving…" : "Save owner and note"}
      </button>
    </form>
  );
}
