import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import type { UserRole } from "../db/generated/enums";
import { AppError } from "../errors/app-error";

const limitSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[€\s,]/g, ""))
  .pipe(
    z.union([
      z.literal(""),
      z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, "Enter an amount in euros, e.g. 5000, or leave it empty."),
    ]),
  )
  .transform((value) => (value === "" ? null : Math.round(Number(value) * 100)));

/**
 * The amount (in euros; empty for none) above which orders wait for an admin's approval. Admins only;
 * logged with the old and the new limit.
 */
export async function setApprovalLimit(
  db: Database,
  admin: { userId: string; companyId: string; role: UserRole },
  euros: unknown,
) {
  if (!may(admin.role, "team.manage"))
    throw new AppError("forbidden", "Only an admin of your company can change the approval limit.");
  const cents = limitSchema.parse(euros);
  return db.$transaction(async (tx) => {
    const before = await tx.company.findUniqueOrThrow({ where: { id: admin.companyId } });
    await tx.company.update({ where: { id: admin.companyId }, data: { orderApprovalLimitCents: cents } });
    await recordAuditLog(tx, {
      actorUserId: admin.userId,
      companyId: admin.companyId,
      action: "company.approval-limit",
      entityType: "Company",
      entityId: admin.companyId,
      data: { from: before.orderApprovalLimitCents, to: cents },
    });
    return cents;
  });
}
