import type { Prisma } from "../db/generated/client";
import type { Database, TransactionClient } from "../db/prisma";

export interface AuditLogInput {
  actorUserId?: string | null;
  companyId?: string | null;
  /** e.g. "file.read", "order.status", "company.created", "supplier.suspend". */
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
  ipAddress?: string | null;
  requestId?: string | null;
}

/** Appends one entry to the audit log; pass the transaction client so the entry commits with its change. */
export async function recordAuditLog(db: Database | TransactionClient, entry: AuditLogInput): Promise<void> {
  await db.auditLogEntry.create({
    data: {
      actorUserId: entry.actorUserId ?? null,
      companyId: entry.companyId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data ?? {},
      ipAddress: entry.ipAddress ?? null,
      requestId: entry.requestId ?? null,
    },
  });
}
