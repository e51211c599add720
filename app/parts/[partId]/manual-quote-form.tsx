"use client";

import { useActionState } from "react";
import { requestManualQuoteAction, type PartActionState } from "./actions";
import type { ChosenOptions } from "./use-live-quote";

/** "Request a quote": contact e-mail, notes and an optional drawing, sent with the chosen options. */
export function ManualQuoteForm({
  partId,
  options,
  defaultEmail,
}: {
  partId: string;
  options: ChosenOptions;
  defaultEmail: string;
}) {
  const [state, action, pending] = useActionState<PartActionState, FormData>(requestManualQuoteAction, {});
  if (state.success)
    return (
      <p className="alert ok" role="status">
        {state.success}
      </p>
    );
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form" aria-label="Request a quote" noValidate>
      <h3>Request a quote</h3>
      {state.error && (
        <p className="alert error" role="alert">
          {state.error}
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
          defaultValue={state.values?.contactEmail ?? defaultEmail}
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
          defaultValue={state.values?.notes}
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
      <div className="field">
        <label htmlFor="drawing">Drawing (optional: PDF, DXF, DWG or image, up to 20 MB)</label>
        <input
          id="drawing"
          name="drawing"
          type="file"
          accept=".pdf,.dxf,.dwg,.png,.jpg,.jpeg,.tif,.tiff"
          aria-invalid={Boolean(error("drawing"))}
        />
        {error("drawing") && <span className="field-error">{error("drawing")}</span>}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Request a quote"}
      </button>
    </form>
  );
}
