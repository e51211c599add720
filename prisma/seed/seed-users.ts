import type { UserRole } from "../../lib/db/generated/enums";
import type { TransactionClient } from "../../lib/db/prisma";
import { demoSuppliers } from "./demo-suppliers";

interface UserSeed {
  id: string;
  companyId: string;
  email: string;
  name: string;
  role: UserRole;
}

const buyerStaffAndOperations: UserSeed[] = [
  {
    id: "seed_user_anna",
    companyId: "seed_company_acme",
    email: "anna.buyer@acme.example",
    name: "Anna Weber",
    role: "BUYER_ADMIN",
  },
  {
    id: "seed_user_ben",
    companyId: "seed_company_acme",
    email: "ben.engineer@acme.example",
    name: "Ben Hoffmann",
    role: "BUYER_ENGINEER",
  },
  {
    id: "seed_user_paula",
    companyId: "seed_company_acme",
    email: "paula.purchaser@acme.example",
    name: "Paula Schmitt",
    role: "BUYER_PURCHASER",
  },
  {
    // A partner's production staff (decision 0041): answers offers, downloads CAD files, reports jobs
    // and blocks holidays; the profile, the team and the money are others'.
    id: "seed_user_mueller_staff",
    companyId: "seed_company_mueller",
    email: "stefan.staff@mueller-cnc.example",
    name: "Stefan Braun",
    role: "SUPPLIER_MEMBER",
  },
  {
    // A partner's finance staff (issue 21): payouts, self-billing invoices, payout and tax details.
    id: "seed_user_mueller_finance",
    companyId: "seed_company_mueller",
    email: "fiona.finance@mueller-cnc.example",
    name: "Fiona Keller",
    role: "SUPPLIER_FINANCE",
  },
  {
    id: "seed_user_olga",
    companyId: "seed_company_platform",
    email: "olga.ops@instant-quote.example",
    name: "Olga Brandt",
    role: "OPERATIONS",
  },
];

// Every supplier's admin (`seed_user_<key>`) is its contact person.
const supplierAdmins: UserSeed[] = demoSuppliers.map((supplier) => ({
  id: `seed_user_${supplier.key}`,
  companyId: `seed_company_${supplier.key}`,
  email: supplier.email,
  name: supplier.contact,
  role: "SUPPLIER_ADMIN",
}));

const demoAccountsVerifiedAt = new Date("2026-11-01T08:00:00Z");

/**
 * Writes the demo accounts, all with the demo password and enabled: Acme's staff, Müller's production and finance
 * staff and operations first, then each supplier's admin in the suppliers' order. Their companies must exist already.
 */
export async function seedUsers(tx: TransactionClient, passwordHash: string): Promise<void> {
  for (const user of [...buyerStaffAndOperations, ...supplierAdmins]) {
    const data = {
      companyId: user.companyId,
      email: user.email,
      name: user.name,
      role: user.role,
      passwordHash,
      disabledAt: null,
      // Demo accounts count as confirmed: they order at once (lib/account/assert-email-verified.ts).
      emailVerifiedAt: demoAccountsVerifiedAt,
    };
    await tx.user.upsert({ where: { id: user.id }, create: { id: user.id, ...data }, update: data });
  }
}
