import "server-only";
import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

/** Revokes one of the company's keys at once (the next request with it gets 401). Audited; revoking twice is a no-op. */
export async function revokeApiKey(
  db: Database,
  input: { companyId: string; userId: string; apiKeyId: string },
  context: { ipAddress?: string | null; requestId?: string | null } = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.apiKeyId, companyId: input.companyId } });
    if (!key) throw new AppError("not_found", "This API key does not exist or is not your company's.");
    if (key.revokedAt) return;
    await tx.apiKey.update({
      where: { id: key.id },
      data: { revokedAt: new Date(), revokedByUserId: input.userId },
    });
    await recordAuditLog(tx, {
      actorUserId: input.userId,
      companyId: input.companyId,
      action: "api_key.revoked",
      entityType: "ApiKey",
      entityId: key.id,
      data: { name: key.name, prefix: key.prefix },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
  });
}
