import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import type { WebhookManager } from "./create-webhook-endpoint";

/** Deletes an endpoint of the manager's company: no new deliveries, pending ones stop; its log stays. */
export async function revokeWebhookEndpoint(
  db: Database,
  manager: WebhookManager,
  endpointId: string,
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const revoked = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, companyId: manager.companyId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) throw new AppError("not_found", "This endpoint is deleted already.");
    await tx.webhookDelivery.updateMany({
      where: { endpointId, status: "PENDING" },
      data: { status: "FAILED", nextAttemptAt: null },
    });
    const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    await recordAuditLog(tx, {
      actorUserId: manager.userId,
      companyId: manager.companyId,
      action: "webhook.endpoint-revoked",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
      data: { url: endpoint.url },
    });
  });
}
