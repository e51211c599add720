import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatDayOfMoment } from "@/lib/dates/format-day";

const auditStatusWords = {
  APPROVED: "approved",
  APPROVED_WITH_CONDITIONS: "approved with conditions",
  REJECTED: "rejected",
} as const;

/**
 * Locks an audit row for a change and returns it with its supplier, or refuses when the audit is already
 * decided: a decision is final, and auditing again means opening a new audit.
 */
export async function lockUndecidedAudit(tx: TransactionClient, auditId: string) {
  await tx.$queryRaw`SELECT 1 FROM "SupplierAudit" WHERE "id" = ${auditId} FOR UPDATE`;
  const audit = await tx.supplierAudit.findUnique({
    where: { id: auditId },
    include: { supplierCompany: { select: { id: true, name: true, status: true } } },
  });
  if (!audit) throw new AppError("not_found", "There is no such audit.");
  if (audit.status !== "PENDING" && audit.status !== "IN_PROGRESS")
    throw new AppError(
      "invalid_state_transition",
      `This audit was ${auditStatusWords[audit.status]} on ${audit.decidedAt ? formatDayOfMoment(audit.decidedAt) : "an earlier day"}; open a new audit to audit the partner again.`,
    );
  return audit;
}
