import type { Database } from "../db/prisma";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { getLogger } from "../logging/logger";
import { postWebhookRequest } from "./post-webhook-request";
import { signWebhookPayload, webhookSignatureHeader } from "./sign-webhook-payload";
import { webhookRetryDelaySeconds, type WebhookDeliverySettings } from "./webhook-delivery-settings";
import { webhookRequestBody } from "./webhook-request-body";
import { decryptWebhookSecret } from "./webhook-secret-cipher";

export type WebhookDeliveryOutcome = "delivered" | "retry scheduled" | "failed" | "not due";

/**
 * Makes one attempt of a due delivery: claims it (so two workers never send it at once: the claim pushes
 * `nextAttemptAt` past the attempt's longest time), signs and POSTs the event, logs the attempt, and then
 * marks it delivered, schedules the next attempt after the backoff (a job sent to start then), or, after the
 * last attempt, marks it failed. Safe to run twice: a delivery that is not due is left alone.
 */
export async function deliverWebhook(
  db: Database,
  deliveryId: string,
  settings: WebhookDeliverySettings,
  options: { replay?: boolean } = {},
): Promise<WebhookDeliveryOutcome> {
  const now = new Date();
  const claimed = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "PENDING", nextAttemptAt: { lte: now } },
    data: {
      attemptCount: { increment: 1 },
      nextAttemptAt: new Date(now.getTime() + settings.timeoutMs + 60_000),
    },
  });
  if (claimed.count === 0) return "not due";
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    include: { event: true, endpoint: true },
  });
  if (delivery.endpoint.revokedAt) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "FAILED", nextAttemptAt: null },
    });
    return "failed";
  }
  const body = webhookRequestBody(delivery.event);
  let secret: string | undefined;
  let secretError = "";
  try {
    secret = decryptWebhookSecret(delivery.endpoint.secretCiphertext);
  } catch (error) {
    secretError = (error as Error).message;
  }
  // A secret the key cannot open is a failed attempt with its reason in the log, not a crashed job.
  const response =
    secret === undefined
      ? ({ ok: false, status: null, excerpt: null, error: secretError, durationMs: 0 } as const)
      : await postWebhookRequest({
          url: delivery.endpoint.url,
          body,
          headers: {
            "content-type": "application/json",
            "user-agent": "InstantQuote-Webhooks/1.0",
            "webhook-id": delivery.event.id,
            "webhook-event": delivery.event.type,
            [webhookSignatureHeader.toLowerCase()]: signWebhookPayload(
              body,
              secret,
              Math.floor(Date.now() / 1000),
            ),
          },
          timeoutMs: settings.timeoutMs,
          allowPrivateAddresses: settings.allowPrivateAddresses,
        });
  const finishedAt = new Date();
  const outcome: WebhookDeliveryOutcome = response.ok
    ? "delivered"
    : delivery.attemptCount >= settings.maxAttempts
      ? "failed"
      : "retry scheduled";
  const nextAttemptAt =
    outcome === "retry scheduled"
      ? new Date(finishedAt.getTime() + webhookRetryDelaySeconds(delivery.attemptCount, settings) * 1000)
      : null;
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId,
        startedAt: now,
        durationMs: response.durationMs,
        responseStatus: response.status,
        responseExcerpt: response.excerpt,
        error: response.ok ? null : response.error,
        replay: options.replay ?? false,
      },
    });
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        status: outcome === "delivered" ? "DELIVERED" : outcome === "failed" ? "FAILED" : "PENDING",
        deliveredAt: outcome === "delivered" ? finishedAt : undefined,
        nextAttemptAt,
      },
    });
    if (nextAttemptAt)
      await enqueueJobs(tx, [followUpJob("webhooks.deliver", { deliveryId }, { startAfter: nextAttemptAt })]);
  });
  if (!response.ok)
    getLogger().info(
      {
        deliveryId,
        eventId: delivery.event.id,
        attempt: delivery.attemptCount,
        outcome,
        error: response.error,
      },
      "webhook attempt failed",
    );
  return outcome;
}

/** The sweep: every delivery whose attempt is due (a lost job, a crash mid-attempt), oldest first. */
export async function deliverDueWebhooks(
  db: Database,
  settings: WebhookDeliverySettings,
  limit = 50,
): Promise<number> {
  const due = await db.webhookDelivery.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: new Date() } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let delivered = 0;
  for (const { id } of due) if ((await deliverWebhook(db, id, settings)) === "delivered") delivered++;
  return delivered;
}
