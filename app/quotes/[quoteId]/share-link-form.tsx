"use client";

import { useFormAction } from "@/lib/forms/use-form-action";
import { createShareLinkAction } from "./actions";
import styles from "./quote.module.css";

/** Makes a link to this quote that works until the quote expires; the link is shown once, to copy. */
export function ShareLinkForm({ quoteId, validUntil }: { quoteId: string; validUntil: string }) {
  const form = useFormAction(createShareLinkAction, { resetOnSuccess: false });
  const url = form.messages.success;
  return (
    <form {...form.props} className="form">
      <input type="hidden" name="quoteId" value={quoteId} />
      {form.messages.error && (
        <p className="alert error" role="alert">
          {form.messages.error}
        </p>
      )}
      {url && (
        <div className="field">
          <label htmlFor="share-link">Link to send (works until {validUntil})</label>
          <input
            id="share-link"
            className={styles.shareLink}
            data-testid="share-link"
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <span className="hint">
            Copy it now: we keep only a fingerprint of it. It opens this quote and nothing else.
          </span>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="secondary" disabled={form.pending}>
          {form.pending ? "Making the link…" : url ? "Make another link" : "Make a share link"}
        </button>
      </div>
    </form>
  );
}
