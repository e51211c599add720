import { z } from "zod";
import { webhookSignatureHeader } from "../webhooks/sign-webhook-payload";
import {
  webhookEventTypeNames,
  webhookEventTypes,
  type WebhookEventType,
} from "../webhooks/webhook-event-types";

/**
 * The webhooks of the OpenAPI 3.1 document (its `webhooks:` section, issue 24, decision 0061): one entry per
 * event type, whose request body is the delivery's envelope with that type's `data` schema. Shaped as
 * zod-to-openapi's RouteConfig, so the document builder registers them with `registry.registerWebhook`
 * (`registerWebhooks` below, a RegistryExtension of lib/public-api/openapi-document.ts).
 */
export function webhookOperationOf(type: WebhookEventType) {
  const definition = webhookEventTypes[type];
  return {
    method: "post" as const,
    path: type,
    operationId: `webhook_${type.replace(/[^a-z]/g, "_")}`,
    summary: definition.label,
    description:
      `Sent to the company's endpoints subscribed to \`${type}\` (receiver: ${definition.receiver.toLowerCase()}). ` +
      `Verify the \`${webhookSignatureHeader}\` header (\`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">\`, ` +
      "keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on " +
      "retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.",
    tags: ["Webhooks"],
    request: {
      headers: z.object({
        [webhookSignatureHeader.toLowerCase()]: z.string().describe("t=<unix seconds>,v1=<hex signature>"),
        "webhook-id": z.string().describe("The event's id, as in the body."),
        "webhook-event": z.string().describe("The event's type, as in the body."),
      }),
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              id: z.string(),
              type: z.literal(type),
              createdAt: z.iso.datetime({ offset: true }),
              companyId: z.string(),
              data: definition.data,
            }),
          },
        },
      },
    },
    responses: { 200: { description: "Any 2xx: received. Other answers and timeouts are retried." } },
  };
}

export const webhookOperations = webhookEventTypeNames.map(webhookOperationOf);

/** Adds every webhook to a zod-to-openapi registry (typed by shape, so this file needs no new package). */
export function registerWebhooks(registry: {
  registerWebhook: (webhook: ReturnType<typeof webhookOperationOf>) => unknown;
}): void {
  for (const operation of webhookOperations) registry.registerWebhook(operation);
}
