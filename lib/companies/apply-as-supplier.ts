import { z } from "zod";
import { ManufacturingProcess } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import {
  companyNameSchema,
  countryCodeSchema,
  emailSchema,
  newPasswordSchema,
  personNameSchema,
} from "./account-fields";
import { createCompanyWithAdmin } from "./create-company-with-admin";

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
  return createCompanyWithAdmin(
    db,
    {
      kind: "SUPPLIER",
      status: "PENDING_AUDIT",
      name: application.companyName,
      countryCode: application.countryCode,
      city: application.city,
      supplierProcesses: { create: application.processes.map((process) => ({ process })) },
      audits: { create: { status: "PENDING" } },
    },
    {
      name: application.name,
      email: application.email,
      password: application.password,
      role: "SUPPLIER_ADMIN",
    },
    { kind: "SUPPLIER", processes: application.processes },
  );
}
