import type { TransactionClient } from "../db/prisma";

/** What revokeKeysAndEndpointsMadeBy ended, for the audit log and the manager's sentence. */
export interface RevokedKeysAndEndpoints {
  apiKeysRevoked: number;
  /** The revoked keys' first characters ("iqk_3fA9xQ"), so the log tells which systems lost their key. */
  apiKeyPrefixes: string[];
  webhookEndpointsRevoked: number;
  webhookUrls: string[];
}

/**
 * Revokes the API keys and webhook endpoints a member made, when the member is removed or loses the admin
 * role (walk 9): the member saw each key's secret and chose each endpoint's address, so a key kept reading
 * the company's orders, parts and invoices for someone no longer on the team (or no longer trusted with
 * it), and an endpoint kept sending the company's events to an address they may own. Revoked as the team
 * page's Revoke buttons do (the next request with a key gets 401; an endpoint's pending deliveries stop),
 * in the caller's transaction.
 */
export async function revokeKeysAndEndpointsMadeBy(
  tx: TransactionClient,
  member: { id: string; companyId: string },
  revokedByUserId: string,
  now: Date,
): Promise<RevokedKeysAndEndpoints> {
  const keys = await tx.apiKey.findMany({
    where: { createdByUserId: member.id, companyId: member.companyId, revokedAt: null },
    select: { id: true, prefix: true },
  });
  if (keys.length > 0)
    await tx.apiKey.updateMany({
      where: { id: { in: keys.map((key) => key.id) }, revokedAt: null },
      data: { revokedAt: now, revokedByUserId },
    });
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { createdByUserId: member.id, companyId: member.companyId, revokedAt: null },
    select: { id: true, url: true },
  });
  if (endpoints.length > 0) {
    const endpointIds = endpoints.map((endpoint) => endpoint.id);
    await tx.webhookEndpoint.updateMany({
      where: { id: { in: endpointIds }, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.webhookDelivery.updateMany({
      where: { endpointId: { in: endpointIds }, status: "PENDING" },
      data: { status: "FAILED", nextAttemptAt: null },
    });
  }
  return {
    apiKeysRevoked: keys.length,
    apiKeyPrefixes: keys.map((key) => key.prefix),
    webhookEndpointsRevoked: endpoints.length,
    webhookUrls: endpoints.map((endpoint) => endpoint.url),
  };
}
