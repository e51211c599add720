import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { hashPassword } from "../auth/password-hash";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { emailSchema, newPasswordSchema, personNameSchema } from "./account-fields";
import { duplicateEmailOr } from "./create-company-with-admin";

export const operationsUserSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  initialPassword: newPasswordSchema,
});

/**
 * Operations accounts are never self-service: an operations user creates one for a colleague, in the
 * platform company, with an initial password to hand over. Logged with who created whom.
 */
export async function createOperationsUser(
  db: Database,
  creatorUserId: string,
  input: unknown,
): Promise<{ userId: string }> {
  const data = operationsUserSchema.parse(input);
  const creator = await db.user.findUnique({ where: { id: creatorUserId }, include: { company: true } });
  if (!creator || creator.role !== "OPERATIONS" || creator.company.kind !== "PLATFORM") {
    throw new AppError("forbidden", "Only operations users can create operations accounts.");
  }
  const passwordHash = await hashPassword(data.initialPassword);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          companyId: creator.companyId,
          email: data.email,
          name: data.name,
          passwordHash,
          role: "OPERATIONS",
        },
      });
      await recordAuditLog(tx, {
        actorUserId: creator.id,
        companyId: creator.companyId,
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        data: { role: "OPERATIONS", email: data.email },
      });
      return { userId: user.id };
    });
  } catch (error) {
    throw duplicateEmailOr(error, data.email);
  }
}
