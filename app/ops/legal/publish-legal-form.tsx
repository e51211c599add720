"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { publishLegalDocumentAction } from "./actions";
import styles from "./ops-legal.module.css";

/** A new version of one text, starting from the current one; the old version stays readable. */
export function PublishLegalForm({
  kind,
  name,
  title,
  body,
}: {
  kind: "TERMS" | "PRIVACY";
  name: string;
  title: string;
  body: string;
}) {
  const form = useFormAction(publishLegalDocumentAction, { resetOnSuccess: false });
  const id = (field: string) => `${kind.toLowerCase()}-${field}`;
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor={id("title")}>Title</label>
        <input
          id={id("title")}
          name="title"
          required
          defaultValue={form.value("title") ?? title}
          aria-invalid={form.error("title") ? true : undefined}
        />
        {form.error("title") && (
          <span className="field-error" role="alert">
            {form.error("title")}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={id("body")}>Text</label>
        <textarea
          id={id("body")}
          name="body"
          rows={18}
          required
          className={styles.legalBody}
          defaultValue={form.value("body") ?? body}
          aria-invalid={form.error("body") ? true : undefined}
          aria-describedby={id("body-hint")}
        />
        <span id={id("body-hint")} className="hint">
          Paragraphs separated by a blank line; a line starting with “## ” is a heading.
        </span>
        {form.error("body") && (
          <span className="field-error" role="alert">
            {form.error("body")}
          </span>
        )}
      </div>
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Publishing…" : `Publish as a new version of the ${name}`}
      </button>
    </form>
  );
}
