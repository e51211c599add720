"use client";

import { useFormAction } from "@/lib/forms/use-form-action";
import { saveQuoteDocumentAction } from "./actions";
import type { ChosenOptions } from "./use-live-quote";

/** "Quote as PDF": saves the configuration shown as a quote and opens it with its PDF and share link. */
export function QuoteDocumentButton({
  partId,
  options,
  blocked = false,
}: {
  partId: string;
  options: ChosenOptions;
  /** The options shown are not the ones the buyer typed (an invalid quantity): nothing to save. */
  blocked?: boolean;
}) {
  const form = useFormAction(saveQuoteDocumentAction);
  return (
    <form {...form.props} className="actions">
      <input type="hidden" name="partId" value={partId} />
      <input type="hidden" name="options" value={JSON.stringify(options)} />
      <button type="submit" className="secondary" disabled={form.pending || blocked}>
        {form.pending ? "Saving the quote…" : "Quote as PDF or link"}
      </button>
      {form.messages.error && (
        <p className="alert error" role="alert">
          {form.messages.error}
        </p>
      )}
    </form>
  );
}
