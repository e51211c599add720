import type { Database } from "../db/prisma";

/** Deliveries shown per endpoint on the team page, newest first. */
export const deliveriesShownPerEndpoint = 15;

/**
 * The company's live endpoints with their latest deliveries and every attempt of those, for the team
 * page. The secret is cut to its first characters: the whole one was shown once, when it was made.
 */
export async function loadWebhookEndpoints(db: Database, companyId: string) {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { companyId, revokedAt: null },
    orderBy: { createdAt: "asc" },
    include: {
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: deliveriesShownPerEndpoint,
        include: {
          event: { select: { id: true, type: true, createdAt: true } },
          attempts: { orderBy: { startedAt: "desc" } },
        },
      },
    },
  });
  return endpoints.map(({ secretCiphertext: _sealed, secretStart, ...endpoint }) => ({
    ...endpoint,
    secretStart: `${secretStart}…`,
  }));
}
