import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import type { CompanyKind } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { checkWebhookUrl } from "./check-webhook-url";
import { webhookEventTypesFor } from "./webhook-event-types";
import { encryptWebhookSecret, webhookSecretStartOf } from "./webhook-secret-cipher";

/** Endpoints one company may keep at once: each event is sent to each of them. */
export const maxWebhookEndpointsPerCompany = 10;

export const webhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the address that receives the events.")
    .max(2000, "That address is too long."),
  events: z
    .array(z.string())
    .min(1, "Choose at least one event.")
    .or(z.string().transform((value) => [value])),
  description: z
    .string()
    .trim()
    .max(200, "Keep the description under 200 characters.")
    .optional()
    .default(""),
});

export interface WebhookManager {
  userId: string;
  companyId: string;
  companyKind: CompanyKind;
}

/**
 * Registers an endpoint for the manager's company: the URL passes the SSRF check, the events are ones this
 * kind of company receives, and a fresh signing secret is made. The secret is returned once, for the page to
 * show once; it is stored sealed with AES-256-GCM, and the page shows only its first characters afterwards
 * (docs/decisions/0061, 0069).
 */
export async function createWebhookEndpoint(
  db: Database,
  manager: WebhookManager,
  input: unknown,
  options: { allowPrivateAddresses: boolean },
): Promise<{ endpointId: string; secret: string }> {
  const parsed = webhookEndpointSchema.parse(input);
  const allowed = webhookEventTypesFor(manager.companyKind);
  const events = [...new Set(parsed.events)];
  const unknown = events.filter((type) => !(allowed as string[]).includes(type));
  if (unknown.length)
    throw new AppError("validation_failed", `Your company cannot receive ${unknown.join(", ")}.`, {
      field: "events",
    });
  const url = await checkWebhookUrl(parsed.url, options.allowPrivateAddresses);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    // One lock per company: endpoints created at the same moment are counted one after another (walk 7).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook-endpoints:${manager.companyId}`}, 0))`;
    const count = await tx.webhookEndpoint.count({
      where: { companyId: manager.companyId, revokedAt: null },
    });
    if (count >= maxWebhookEndpointsPerCompany)
      throw new AppError(
        "conflict",
        `Your company has ${maxWebhookEndpointsPerCompany} endpoints already; delete one you no longer use first.`,
      );
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        companyId: manager.companyId,
        url: url.toString(),
        events,
        secretCiphertext: encryptWebhookSecret(secret),
        secretStart: webhookSecretStartOf(secret),
        description: parsed.description || null,
        createdByUserId: manager.userId,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: manager.userId,
      companyId: manager.companyId,
      action: "webhook.endpoint-created",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url, events },
    });
    return { endpointId: endpoint.id, secret };
  });
}
