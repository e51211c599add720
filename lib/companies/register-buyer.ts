import { z } from "zod";
import type { Database } from "../db/prisma";
import {
  companyNameSchema,
  countryCodeSchema,
  emailSchema,
  newPasswordSchema,
  personNameSchema,
} from "./account-fields";
import { createCompanyWithAdmin } from "./create-company-with-admin";

export const buyerRegistrationSchema = z.object({
  companyName: companyNameSchema,
  countryCode: countryCodeSchema,
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

/**
 * Signs up a buyer: a new active buyer company with this person as its admin, in one transaction.
 * Fails with `conflict` when the e-mail already has an account.
 */
export async function registerBuyer(
  db: Database,
  input: unknown,
): Promise<{ userId: string; companyId: string }> {
  const registration = buyerRegistrationSchema.parse(input);
  return createCompanyWithAdmin(
    db,
    {
      kind: "BUYER",
      status: "ACTIVE",
      name: registration.companyName,
      countryCode: registration.countryCode,
    },
    {
      name: registration.name,
      email: registration.email,
      password: registration.password,
      role: "BUYER_ADMIN",
    },
    { kind: "BUYER" },
  );
}
