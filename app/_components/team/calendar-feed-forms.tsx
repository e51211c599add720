"use client";

import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { ShownOnceValue } from "./shown-once-value";
import styles from "./team.module.css";

type FeedAction = Parameters<typeof useFormAction>[0];

/**
 * Creates (or replaces) the secret address and shows it this once, in a field that selects itself for
 * copying; after a reload only "an address exists" is known, because only its hash is stored.
 */
export function CreateCalendarFeedForm({ action, replaces }: { action: FeedAction; replaces: boolean }) {
  const form = useFormAction(action);
  const url = form.messages.success?.startsWith("http") ? form.messages.success : undefined;
  return (
    <form {...form.props} className="form">
      <FormMessages state={{ error: form.messages.error }} />
      {url && (
        <div className="field" role="status">
          <label htmlFor="calendar-feed-url">
            Your calendar address (shown only now: copy it into your calendar app)
          </label>
          <ShownOnceValue id="calendar-feed-url" className={styles.feedUrl} value={url} />
        </div>
      )}
      {replaces ? (
        <ConfirmSubmitButton
          question="Replace the calendar address? Calendars subscribed to the old one stop updating."
          className="secondary"
          disabled={form.pending}
        >
          {form.pending ? "Creating…" : "Replace the address"}
        </ConfirmSubmitButton>
      ) : (
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Creating…" : "Create calendar address"}
        </button>
      )}
    </form>
  );
}

export function RevokeCalendarFeedForm({ action }: { action: FeedAction }) {
  const form = useFormAction(action);
  return (
    <form {...form.props} className="form">
      <FormMessages state={form.messages} />
      <ConfirmSubmitButton
        question="Revoke the calendar address? Calendars subscribed to it stop updating."
        className="secondary"
        disabled={form.pending}
      >
        {form.pending ? "Revoking…" : "Revoke the address"}
      </ConfirmSubmitButton>
    </form>
  );
}
