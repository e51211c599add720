import type { WebhookEnvelope, WebhookEventType } from "./webhook-event-types";

/**
 * The JSON body of an event's delivery, the same bytes on every attempt and replay (only the signature's
 * timestamp changes), built from the outbox row alone.
 */
export function webhookRequestBody(event: {
  id: string;
  type: string;
  companyId: string;
  createdAt: Date;
  data: unknown;
}): string {
  const envelope: WebhookEnvelope = {
    id: event.id,
    type: event.type as WebhookEventType,
    createdAt: event.createdAt.toISOString(),
    companyId: event.companyId,
    data: event.data as Record<string, unknown>,
  };
  return JSON.stringify(envelope);
}
