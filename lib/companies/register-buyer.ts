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

export type BuyerRegistration = z.infer<typeof buyerRegistrationSchema>;

/**
 * Signs up a buyer: a new active buyer company with this person as its admin, in one transaction.
 * Fails with `conflict` when the e-mail already has an account. The sign-up form goes through
 * lib/companies/start-registration.ts first, which calls this once the e-mail link is followed.
 */
export async function registerBuyer(
  db: Database,
  input: unknown,
): Promise<{ userId: string; companyId: string }> {
  const registration = buyerRegistrationSchema.parse(input);
  return createBuyer(db, registration, registration.password);
}

export function createBuyer(
  db: Database,
  registration: Omit<BuyerRegistration, "password">,
  password: string | { hash: string },
): Promise<{ userId: string; companyId: string }> {
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
      password,
      role: "BUYER_ADMIN",
    },
    { kind: "BUYER" },
  );
}
