import { auditTransitions } from "./audit-transitions";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { auditPurposes } from "./audit-purposes";
import { lockSupplier } from "./lock-supplier";
import type { AuditActor } from "./save-audit-checklist";

const purposeSchema = z.enum(auditPurposes, { error: "Choose why the partner is audited." });

/**
 * Opens a new audit of a supplier (renewal before the approval expires, reinstatement after a
 * suspension, a follow-up on conditions). A supplier has at most one undecided audit at a time.
 */
export async function openAudit(
  db: Database,
  actor: AuditActor,
  companyId: string,
  input: { purpose: unknown },
) {
  const { purpose } = z.object({ purpose: purposeSchema }).parse(input);
  return db.$transaction(async (tx) => {
    const company = await lockSupplier(tx, companyId);
    const undecided = await tx.supplierAudit.count({
      where: { supplierCompanyId: company.id, status: { in: ["PENDING", "IN_PROGRESS"] } },
    });
    if (undecided > 0)
      throw new AppError(
        "invalid_state_transition",
        `${company.name} has an audit in progress already; finish that one.`,
      );
    const audit = await tx.supplierAudit.create({
      data: {
        status: auditTransitions.enter("PENDING"),
        supplierCompanyId: company.id,
        purpose,
        auditorId: actor.userId,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: actor.userId,
      companyId: company.id,
      action: "audit.open",
      entityType: "SupplierAudit",
      entityId: audit.id,
      data: { purpose },
    });
    return audit;
  });
}
