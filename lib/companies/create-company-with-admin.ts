import type { Prisma } from "../db/generated/client";
import type { UserRole } from "../db/generated/enums";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { hashPassword } from "../auth/password-hash";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

export interface CompanyAdmin {
  name: string;
  email: string;
  /** The password, or its hash when it was hashed earlier (a sign-up confirmed by its e-mail link). */
  password: string | { hash: string };
  role: UserRole;
}

/**
 * Creates a company and its first user (its admin) in one transaction, logged as a registration.
 * Fails with `conflict`, leaving nothing behind, when the e-mail already has an account.
 */
export async function createCompanyWithAdmin(
  db: Database,
  company: Prisma.CompanyCreateInput,
  admin: CompanyAdmin,
  logData: Prisma.InputJsonValue,
): Promise<{ userId: string; companyId: string }> {
  const passwordHash =
    typeof admin.password === "string" ? await hashPassword(admin.password) : admin.password.hash;
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.company.create({ data: company });
      const user = await tx.user.create({
        data: { companyId: created.id, email: admin.email, name: admin.name, passwordHash, role: admin.role },
      });
      await recordAuditLog(tx, {
        actorUserId: user.id,
        companyId: created.id,
        action: "company.registered",
        entityType: "Company",
        entityId: created.id,
        data: logData,
      });
      return { userId: user.id, companyId: created.id };
    });
  } catch (error) {
    throw duplicateEmailOr(error, admin.email);
  }
}

/** Prisma's unique-violation (P2002) on the e-mail becomes a `conflict` the form can show next to the field. */
export function duplicateEmailOr(error: unknown, email: string): unknown {
  if ((error as { code?: string }).code === "P2002") {
    return new AppError("conflict", `An account with ${email} already exists. Sign in instead.`, {
      field: "email",
    });
  }
  return error;
}
