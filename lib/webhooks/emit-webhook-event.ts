import { newRowId } from "../db/new-row-id";
import { Prisma } from "../db/generated/client";
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
  const { eventId, ctes } = webhookEventWrites(event);
  // One round trip: the event, and a delivery for each live endpoint of the company that wants this type
  // (this runs inside hot transactions, which count their statements).
  const rows = await tx.$queryRaw<{ id: string }[]>`/* prepared */
    WITH ${ctes} SELECT "id" FROM "webhookDeliveries"`;
  const deliveryIds = rows.map((row) => row.id);
  await requestWebhookDeliveries(tx, deliveryIds);
  return { eventId, deliveryIds };
}

/**
 * emitWebhookEvent's writes as two common table expressions, for a statement that writes more (the
 * matcher's offer, write-offer.ts): "webhookEvent" inserts the event, "webhookDeliveries" its deliveries
 * and returns their ids, whose jobs the caller sends afterwards with requestWebhookDeliveries.
 */
export function webhookEventWrites<Type extends WebhookEventType>(
  event: {
    companyId: string;
    type: Type;
    data: WebhookEventData<Type>;
  },
  /** A boolean SQL expression of the statement: without it true, nothing is written. */
  when?: Prisma.Sql,
): { eventId: string; ctes: Prisma.Sql } {
  const data = webhookEventTypes[event.type].data.parse(event.data);
  const eventId = newRowId();
  return {
    eventId,
    ctes: Prisma.sql`"webhookEvent" AS (
      INSERT INTO "WebhookEvent" ("id", "companyId", "type", "data")
      SELECT ${eventId}, ${event.companyId}, ${event.type}, ${JSON.stringify(data)}::jsonb
       WHERE ${when ?? Prisma.sql`true`}
      RETURNING "id"
    ), "webhookDeliveries" AS (
      INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "nextAttemptAt")
      SELECT 'd' || md5(${eventId} || endpoint."id"), created."id", endpoint."id", now()
        FROM "webhookEvent" created, "WebhookEndpoint" endpoint
       WHERE endpoint."companyId" = ${event.companyId} AND endpoint."revokedAt" IS NULL
         AND ${event.type} = ANY (endpoint."events")
      RETURNING "id"
    )`,
  };
}

/** The delivery jobs of a webhook event's deliveries, sent in the transaction that wrote them. */
export async function requestWebhookDeliveries(
  tx: TransactionClient,
  deliveryIds: readonly string[],
): Promise<void> {
  if (deliveryIds.length > 0)
    await enqueueJobs(
      tx,
      deliveryIds.map((deliveryId) => followUpJob("webhooks.deliver", { deliveryId })),
    );
}
