"use client";

import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { ChoiceChecklist } from "./choice-checklist";
import { InlineItemForm } from "./inline-item-form";
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
      <ChoiceChecklist
        legend="Events"
        name="events"
        choices={eventChoices}
        checked={(event) => form.values("events")?.includes(event) ?? true}
        error={form.error("events")}
        className={styles.events}
      />
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
  return (
    <InlineItemForm
      action={action}
      idField={{ name: "endpointId", value: endpoint.id }}
      confirm={`Delete the endpoint ${endpoint.url}? It receives no more events.`}
    >
      {() => (
        <>
          <span aria-hidden="true">Delete</span>
          <span className="visually-hidden">Delete the endpoint {endpoint.url}</span>
        </>
      )}
    </InlineItemForm>
  );
}

export function ReplayWebhookDeliveryForm({
  action,
  delivery,
}: {
  action: WebhookAction;
  delivery: { id: string; eventType: string };
}) {
  return (
    <InlineItemForm action={action} idField={{ name: "deliveryId", value: delivery.id }} showSuccess>
      {(pending) => (
        <>
          <span aria-hidden="true">{pending ? "Sending…" : "Send again"}</span>
          <span className="visually-hidden">Send the {delivery.eventType} event again</span>
        </>
      )}
    </InlineItemForm>
  );
}
