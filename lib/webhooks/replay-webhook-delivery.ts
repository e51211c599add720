import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import type { WebhookManager } from "./create-webhook-endpoint";
import { deliverWebhook, type WebhookDeliveryOutcome } from "./deliver-webhook";
import type { WebhookDeliverySettings } from "./webhook-delivery-settings";

/**
 * Sends an event to an endpoint again, now, from the team page: the same event id and body (a receiver that
 * keeps ids sees a duplicate, not a new event), a fresh signature. The retry schedule starts over from this
 * attempt, so a receiver that is still down gets the usual retries.
 */
export async function replayWebhookDelivery(
  db: Database,
  manager: WebhookManager,
  deliveryId: string,
  settings: WebhookDeliverySettings,
): Promise<WebhookDeliveryOutcome> {
  const restarted = await db.$transaction(async (tx) => {
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, endpoint: { companyId: manager.companyId, revokedAt: null } },
      data: { status: "PENDING", attemptCount: 0, nextAttemptAt: new Date() },
    });
    if (updated.count === 1)
      await recordAuditLog(tx, {
        actorUserId: manager.userId,
        companyId: manager.companyId,
        action: "webhook.delivery-replayed",
        entityType: "WebhookDelivery",
        entityId: deliveryId,
      });
    return updated.count === 1;
  });
  if (!restarted)
    throw new AppError("not_found", "There is no such delivery of a live endpoint of your company.");
  return deliverWebhook(db, deliveryId, settings, { replay: true });
}
