import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { hashPassword } from "../auth/password-hash";
import { ManufacturingProcess } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { duplicateEmailOr } from "./register-buyer";
import {
  companyNameSchema,
  countryCodeSchema,
  emailSchema,
  newPasswordSchema,
  personNameSchema,
} from "./account-fields";

export const supplierApplicationSchema = z.object({
  companyName: companyNameSchema,
  countryCode: countryCodeSchema,
  city: z.string().trim().min(1, "Enter the city you produce in.").max(120),
  processes: z.array(z.enum(ManufacturingProcess)).min(1, "Choose at least one process you offer."),
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

/**
 * A manufacturing partner applies: a supplier company awaiting audit, its admin user, its declared
 * processes and an open audit for operations, in one transaction. It receives no jobs until approved.
 */
export async function applyAsSupplier(
  db: Database,
  input: unknown,
): Promise<{ userId: string; companyId: string }> {
  const application = supplierApplicationSchema.parse(input);
  const passwordHash = await hashPassword(application.password);
  try {
    return await db.$transaction(async (tx) => {
      const company = await tx.company.create({
        data: {
          kind: "SUPPLIER",
          status: "PENDING_AUDIT",
          name: application.companyName,
          countryCode: application.countryCode,
          city: application.city,
          supplierProcesses: { create: application.processes.map((process) => ({ process })) },
          audits: { create: { status: "PENDING" } },
        },
      });
      const user = await tx.user.create({
        data: {
          companyId: company.id,
          email: application.email,
          name: application.name,
          passwordHash,
          role: "SUPPLIER_ADMIN",
        },
      });
      await recordAuditLog(tx, {
        actorUserId: user.id,
        companyId: company.id,
        action: "company.registered",
        entityType: "Company",
        entityId: company.id,
        data: { kind: "SUPPLIER", processes: application.processes },
      });
      return { userId: user.id, companyId: company.id };
    });
  } catch (error) {
    throw duplicateEmailOr(error, application.email);
  }
}
