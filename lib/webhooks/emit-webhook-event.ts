import "server-only";
import type { Prisma } from "../db/generated/client";
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
  const data = webhookEventTypes[event.type].data.parse(event.data) as Prisma.InputJsonValue;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { companyId: event.companyId, revokedAt: null, events: { has: event.type } },
    select: { id: true },
  });
  const created = await tx.webhookEvent.create({
    data: { companyId: event.companyId, type: event.type, data },
    select: { id: true },
  });
  const deliveryIds: string[] = [];
  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({
      data: { eventId: created.id, endpointId: endpoint.id, nextAttemptAt: new Date() },
      select: { id: true },
    });
    deliveryIds.push(delivery.id);
  }
  if (deliveryIds.length > 0)
    await enqueueJobs(
      tx,
      deliveryIds.map((deliveryId) => followUpJob("webhooks.deliver", { deliveryId })),
    );
  return { eventId: created.id, deliveryIds };
}
