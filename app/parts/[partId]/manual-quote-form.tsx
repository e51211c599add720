"use client";

import { CheckedFileField } from "@/app/_components/checked-file-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { requestManualQuoteAction } from "./actions";
import type { ChosenOptions } from "./use-live-quote";

/** "Request a quote": contact e-mail, notes and an optional drawing, sent with the chosen options. */
export function ManualQuoteForm({
  partId,
  options,
  defaultEmail,
}: {
  partId: string;
  /** The options to quote; a file that could not be read has only process, material and quantity. */
  options: Pick<ChosenOptions, "process" | "materialCode" | "quantity"> & Partial<ChosenOptions>;
  defaultEmail: string;
}) {
  const form = useFormAction(requestManualQuoteAction);
  if (form.messages.success)
    return (
      <p className="alert ok" role="status">
        {form.messages.success}
      </p>
    );
  const { error } = form;
  return (
    <form {...form.props} className="form" aria-label="Request a quote" noValidate>
      <h3>Request a quote</h3>
      {form.messages.error && (
        <p className="alert error" role="alert">
          {form.messages.error}
        </p>
      )}
      <input type="hidden" name="partId" value={partId} />
      <input type="hidden" name="options" value={JSON.stringify(options)} />
      <div className="field">
        <label htmlFor="contactEmail">Your e-mail</label>
        <input
          id="contactEmail"
          name="contactEmail"
          type="email"
          autoComplete="email"
          defaultValue={form.value("contactEmail") ?? defaultEmail}
          required
          aria-invalid={Boolean(error("contactEmail"))}
          aria-describedby={error("contactEmail") ? "contactEmail-error" : undefined}
        />
        {error("contactEmail") && (
          <span id="contactEmail-error" className="field-error">
            {error("contactEmail")}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="notes">Notes for the engineer</label>
        <textarea
          id="notes"
          name="notes"
          rows={4}
          required
          defaultValue={form.value("notes")}
          placeholder="Tolerances, threads, surface requirements, target price…"
          aria-invalid={Boolean(error("notes"))}
          aria-describedby={error("notes") ? "notes-error" : undefined}
        />
        {error("notes") && (
          <span id="notes-error" className="field-error">
            {error("notes")}
          </span>
        )}
      </div>
      <CheckedFileField
        name="drawing"
        label="Drawing (optional: PDF, DXF, DWG or image, up to 20 MB)"
        rule="drawing"
        accept=".pdf,.dxf,.dwg,.png,.jpg,.jpeg,.tif,.tiff"
        serverError={error("drawing")}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Sending…" : "Request a quote"}
      </button>
    </form>
  );
}
