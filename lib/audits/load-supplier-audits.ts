import type { Database } from "../db/prisma";
import { checklistOf } from "./audit-checklist";

/** How many audit-log entries the supplier page shows, newest first. */
const auditLogLimit = 100;

/**
 * A supplier's audits, newest first, each with its checklist, evidence and auditor, and the audit log of
 * everything done to the supplier (audits, decisions, suspensions, file reads), with who and when.
 */
export async function loadSupplierAudits(db: Database, companyId: string) {
  const audits = await db.supplierAudit.findMany({
    where: { supplierCompanyId: companyId },
    orderBy: { createdAt: "desc" },
    include: {
      auditor: { select: { name: true } },
      evidence: {
        orderBy: { createdAt: "asc" },
        include: { uploadedBy: { select: { name: true } } },
      },
    },
  });
  const auditIds = audits.map((audit) => audit.id);
  const logEntries = await db.auditLogEntry.findMany({
    where: {
      OR: [
        { companyId },
        { entityType: "Company", entityId: companyId },
        { entityType: "SupplierAudit", entityId: { in: auditIds } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: auditLogLimit,
    include: { actor: { select: { name: true, email: true } } },
  });
  return {
    audits: audits.map((audit) => ({ ...audit, checklist: checklistOf(audit.checklist) })),
    logEntries,
  };
}

export type SupplierAudit = Awaited<ReturnType<typeof loadSupplierAudits>>["audits"][number];
