import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { hashPassword } from "../auth/password-hash";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import {
  countryCodeSchema,
  emailSchema,
  newPasswordSchema,
  personNameSchema,
  companyNameSchema,
} from "./account-fields";

export const buyerRegistrationSchema = z.object({
  companyName: companyNameSchema,
  countryCode: countryCodeSchema,
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

export type BuyerRegistration = z.infer<typeof buyerRegistrationSchema>;

/**
 * Signs up a buyer: a new active buyer company with this person as its admin, in one transaction.
 * Fails with `conflict` when the e-mail already has an account.
 */
export async function registerBuyer(
  db: Database,
  input: unknown,
): Promise<{ userId: string; companyId: string }> {
  const registration = buyerRegistrationSchema.parse(input);
  const passwordHash = await hashPassword(registration.password);
  try {
    return await db.$transaction(async (tx) => {
      const company = await tx.company.create({
        data: {
          kind: "BUYER",
          status: "ACTIVE",
          name: registration.companyName,
          countryCode: registration.countryCode,
        },
      });
      const user = await tx.user.create({
        data: {
          companyId: company.id,
          email: registration.email,
          name: registration.name,
          passwordHash,
          role: "BUYER_ADMIN",
        },
      });
      await recordAuditLog(tx, {
        actorUserId: user.id,
        companyId: company.id,
        action: "company.registered",
        entityType: "Company",
        entityId: company.id,
        data: { kind: "BUYER" },
      });
      return { userId: user.id, companyId: company.id };
    });
  } catch (error) {
    throw duplicateEmailOr(error, registration.email);
  }
}

export function duplicateEmailOr(error: unknown, email: string): unknown {
  if ((error as { code?: string }).code === "P2002") {
    return new AppError("conflict", `An account with ${email} already exists. Sign in instead.`, {
      field: "email",
    });
  }
  return error;
}
