"use client";

import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import type { FormReply } from "@/lib/forms/form-reply";
import { useFormAction } from "@/lib/forms/use-form-action";

/**
 * Writes one message to a job's thread. Hidden fields say which thread; a refusal (contact details, an
 * empty text) keeps what was typed and says what to take out.
 */
export function MessageForm({
  action,
  hidden,
  id,
  label,
  hint,
  submit,
  children,
}: {
  action: (previous: FormReply | null, formData: FormData) => Promise<FormReply>;
  hidden: Record<string, string>;
  /** Unique on the page: several threads may show on one page. */
  id: string;
  label: string;
  hint: string;
  submit: string;
  /** Extra fields before the text (operations choose the buyer question they pass on). */
  children?: React.ReactNode;
}) {
  const form = useFormAction(action);
  const error = form.error("text");
  return (
    <form {...form.props} className="form" aria-label={label}>
      <FormMessages state={form.messages} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="field">
        <label htmlFor={`${id}-text`}>{label}</label>
        <textarea
          id={`${id}-text`}
          name="text"
          rows={3}
          required
          maxLength={4000}
          defaultValue={form.value("text")}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
        />
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Sending…" : submit}
        </button>
      </div>
    </form>
  );
}
