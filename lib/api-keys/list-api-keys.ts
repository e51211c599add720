import "server-only";
import type { Database } from "../db/prisma";

/** The company's keys for the team page, newest first, without anything secret. */
export async function listApiKeys(db: Database, companyId: string) {
  return db.apiKey.findMany({
    where: { companyId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      requestsPerMinute: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
      companyId: true,
      createdBy: { select: { name: true, role: true, companyId: true, disabledAt: true } },
    },
  });
}

export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
