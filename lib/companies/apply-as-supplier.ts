import { auditTransitions } from "../audits/audit-transitions";
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
import { vatIdText } from "../vat/vat-id-field";
import { websiteAddressField } from "./website-address-field";

export const supplierApplicationSchema = z.object({
  companyName: companyNameSchema,
  countryCode: countryCodeSchema,
  city: z.string().trim().min(1, "Enter the city you produce in.").max(120),
  processes: z.array(z.enum(ManufacturingProcess)).min(1, "Choose at least one process you offer."),
  // Tidied, then checked: "de 123 456 789" is DE123456789, "mueller-cnc.example" https://mueller-cnc.example.
  vatNumber: vatIdText.default(""),
  website: websiteAddressField.default(""),
  references: z
    .string()
    .trim()
    .min(10, "Name one or two customers or projects we may ask about your work.")
    .max(4000, "Keep the references under 4000 characters."),
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

/**
 * A manufacturing supplier applies with its company data, processes and references: a supplier company
 * awaiting audit, its admin user, its declared processes and an open audit for operations, in one
 * transaction. Machines and certificates follow on its profile page; it receives no jobs until approved.
 */
export async function applyAsSupplier(
  db: Database,
  input: unknown,
): Promise<{ userId: string; companyId: string }> {
  const application = supplierApplicationSchema.parse(input);
  return createSupplierApplicant(db, application, application.password);
}

export type SupplierApplication = z.infer<typeof supplierApplicationSchema>;

export function createSupplierApplicant(
  db: Database,
  application: Omit<SupplierApplication, "password">,
  password: string | { hash: string },
): Promise<{ userId: string; companyId: string }> {
  return createCompanyWithAdmin(
    db,
    {
      kind: "SUPPLIER",
      status: "PENDING_AUDIT",
      name: application.companyName,
      countryCode: application.countryCode,
      city: application.city,
      vatNumber: application.vatNumber || null,
      website: application.website || null,
      applicationReferences: application.references,
      supplierProcesses: { create: application.processes.map((process) => ({ process })) },
      audits: { create: { status: auditTransitions.enter("PENDING"), purpose: "Application" } },
    },
    {
      name: application.name,
      email: application.email,
      password,
      role: "SUPPLIER_ADMIN",
    },
    { kind: "SUPPLIER", processes: application.processes },
  );
}
