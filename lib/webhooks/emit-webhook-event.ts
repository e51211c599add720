import { newRowId } from "../db/new-row-id";
import type { TransactionClient } from "../db/prisma";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { webhookEventTypes, type WebhookEventData, type WebhookEventType } from "./webhook-event-types";

/**
 * Writes a webhook event into the outbox in the caller's transaction, so it exists exactly when the change it
 * reports commits, and a delivery row for each of the company's endpoints that subscribed to its type; the
 * delivery job is sent in the same transaction and runs after the commit. A company without endpoints gets
 * the event row only (its log), nothing is sent. `data` is checked against the type's schema: a wrong shape
 * is a programming error and rolls the change back in tests rather than sending receivers garbage.
 */
export async function emitWebhookEvent<Type extends WebhookEventType>(
  tx: TransactionClient,
  event: { companyId: string; type: Type; data: WebhookEventData<Type> },
): Promise<{ eventId: string; deliveryIds: string[] }> {
  const data = webhookEventTypes[event.type].data.parse(event.data);
  const eventId = newRowId();
  // One round trip: the event, and a delivery for each live endpoint of the company that wants this type
  // (this runs inside hot transactions such as the matcher's, which count their statements).
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH created AS (
      INSERT INTO "WebhookEvent" ("id", "companyId", "type", "data")
      VALUES (${eventId}, ${event.companyId}, ${event.type}, ${JSON.stringify(data)}::jsonb)
      RETURNING "id"
    )
    INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "nextAttemptAt")
    SELECT 'd' || md5(${eventId} || endpoint."id"), created."id", endpoint."id", now()
      FROM created, "WebhookEndpoint" endpoint
     WHERE endpoint."companyId" = ${event.companyId} AND endpoint."revokedAt" IS NULL
       AND ${event.type} = ANY (endpoint."events")
    RETURNING "id"`;
  const deliveryIds = rows.map((row) => row.id);
  if (deliveryIds.length > 0)
    await enqueueJobs(
      tx,
      deliveryIds.map((deliveryId) => followUpJob("webhooks.deliver", { deliveryId })),
    );
  return { eventId, deliveryIds };
}
