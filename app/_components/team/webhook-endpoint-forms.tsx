"use client";

import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import styles from "./webhooks.module.css";

type WebhookAction = Parameters<typeof useFormAction>[0];

/** Adds an endpoint; the success message holds the signing secret, the only time it is shown. */
export function AddWebhookEndpointForm({
  action,
  eventChoices,
}: {
  action: WebhookAction;
  eventChoices: { value: string; label: string }[];
}) {
  const form = useFormAction(action);
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <FormField
        name="url"
        label="Address that receives the events (https://…)"
        type="url"
        autoComplete="off"
        required
        defaultValue={form.value("url")}
        error={form.error("url")}
      />
      <FormField
        name="description"
        label="Description (optional)"
        defaultValue={form.value("description")}
        error={form.error("description")}
      />
      <fieldset className={styles.events}>
        <legend>Events</legend>
        {eventChoices.map((choice) => (
          <label key={choice.value} className={styles.eventChoice}>
            <input
              type="checkbox"
              name="events"
              value={choice.value}
              defaultChecked={form.values("events")?.includes(choice.value) ?? true}
            />
            <span>
              <code>{choice.value}</code> {choice.label}
            </span>
          </label>
        ))}
        {form.error("events") && <span className="field-error">{form.error("events")}</span>}
      </fieldset>
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Adding…" : "Add endpoint"}
      </button>
    </form>
  );
}

export function DeleteWebhookEndpointForm({
  action,
  endpoint,
}: {
  action: WebhookAction;
  endpoint: { id: string; url: string };
}) {
  const form = useFormAction(action);
  return (
    <form {...form.props} className={styles.inlineForm}>
      <input type="hidden" name="endpointId" value={endpoint.id} />
      <ConfirmSubmitButton
        className="secondary small"
        disabled={form.pending}
        question={`Delete the endpoint ${endpoint.url}? It receives no more events.`}
      >
        <span aria-hidden="true">Delete</span>
        <span className="visually-hidden">Delete the endpoint {endpoint.url}</span>
      </ConfirmSubmitButton>
      {form.messages.error && (
        <span className="field-error" role="alert">
          {form.messages.error}
        </span>
      )}
    </form>
  );
}

export function ReplayWebhookDeliveryForm({
  action,
  delivery,
}: {
  action: WebhookAction;
  delivery: { id: string; eventType: string };
}) {
  const form = useFormAction(action);
  return (
    <form {...form.props} className={styles.inlineForm}>
      <input type="hidden" name="deliveryId" value={delivery.id} />
      <button type="submit" className="secondary small" disabled={form.pending}>
        <span aria-hidden="true">{form.pending ? "Sending…" : "Send again"}</span>
        <span className="visually-hidden">Send the {delivery.eventType} event again</span>
      </button>
      {(form.messages.error || form.messages.success) && (
        <span
          className={form.messages.error ? "field-error" : "muted"}
          role={form.messages.error ? "alert" : "status"}
        >
          {form.messages.error ?? form.messages.success}
        </span>
      )}
    </form>
  );
}
