"use client";

import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { ChoiceChecklist } from "./choice-checklist";
import { InlineItemForm } from "./inline-item-form";
import { ShownOnceValue } from "./shown-once-value";
import styles from "./api-keys.module.css";

type KeyAction = Parameters<typeof useFormAction>[0];

/** Must match newKeyMarker in api-key-action-handlers.ts (a server module the browser cannot import). */
const newKeyMarker = "Your new key: ";

/**
 * Names a new key and chooses its scopes and limit. The key comes back once in the success sentence and
 * is shown in its own box to copy; after that only its first characters are ever shown.
 */
export function CreateApiKeyForm({
  action,
  scopes,
  expiryDays,
}: {
  action: KeyAction;
  scopes: { value: string; label: string }[];
  /** The days "Valid until" may name and its default, "YYYY-MM-DD" (lib/api-keys/api-key-expiry-days.ts). */
  expiryDays: { first: string; last: string; usual: string };
}) {
  const form = useFormAction(action);
  const success = form.messages.success;
  const markerAt = success?.indexOf(newKeyMarker) ?? -1;
  const secret = success && markerAt >= 0 ? success.slice(markerAt + newKeyMarker.length) : undefined;
  const ticked = form.values("scopes");
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages
        state={{ error: form.messages.error, success: secret ? success!.slice(0, markerAt).trim() : success }}
      />
      {secret && (
        <div className={styles.secret}>
          <label htmlFor="new-api-key">Your new key</label>
          <ShownOnceValue
            id="new-api-key"
            className={styles.secretValue}
            value={secret}
            testId="new-api-key"
          />
          <button
            type="button"
            className="secondary small"
            onClick={() => void navigator.clipboard?.writeText(secret)}
          >
            Copy
          </button>
        </div>
      )}
      <FormField
        name="name"
        label="Name (the system that uses it)"
        autoComplete="off"
        required
        defaultValue={form.value("name")}
        error={form.error("name")}
      />
      <ChoiceChecklist
        legend="Scopes"
        name="scopes"
        choices={scopes}
        checked={(scope) => ticked?.includes(scope) ?? false}
        error={form.error("scopes")}
        className={styles.scopes}
      />
      <FormField
        name="requestsPerMinute"
        label="Requests per minute"
        inputMode="numeric"
        defaultValue={form.value("requestsPerMinute") ?? "120"}
        error={form.error("requestsPerMinute")}
      />
      <FormField
        name="expiresOn"
        label="Valid until"
        type="date"
        min={expiryDays.first}
        max={expiryDays.last}
        hint="The last day the key works (Berlin time); a year from today unless you choose. After it, requests with the key are refused: create a new key before."
        defaultValue={form.value("expiresOn") ?? expiryDays.usual}
        error={form.error("expiresOn")}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Creating…" : "Create key"}
      </button>
    </form>
  );
}

export function RevokeApiKeyForm({
  action,
  apiKey,
}: {
  action: KeyAction;
  apiKey: { id: string; name: string };
}) {
  return (
    <InlineItemForm
      action={action}
      idField={{ name: "apiKeyId", value: apiKey.id }}
      confirm={`Revoke the key “${apiKey.name}”? Systems using it stop working at once.`}
    >
      {(pending) => (pending ? "Revoking…" : "Revoke")}
    </InlineItemForm>
  );
}
