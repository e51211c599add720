// Deterministic demo data: fixed ids, fixed dates, upserts only, so running it twice changes nothing.
// `npm start` runs it on an empty database; `npm run db:seed` runs it on demand.
// The entry point: its parts live in prisma/seed/, one responsibility each.
import { hashPassword } from "../lib/auth/password-hash";
import type { Database } from "../lib/db/prisma";
import { demoPassword } from "./seed/demo-accounts";
import { demoSuppliers } from "./seed/demo-suppliers";
import { seedPlatformAndBuyer } from "./seed/seed-platform-and-buyer";
import { seedPricingData } from "./seed/seed-pricing-data";
import { seedSupplier } from "./seed/seed-supplier";
import { seedUsers } from "./seed/seed-users";
import { seedInvoiceTerms } from "./seed/seed-invoice-terms";
import { ensureLegalDocuments } from "../lib/legal/load-legal-documents";
import { seedAddressBook } from "./seed/seed-address-book";

export { demoAccounts, demoPassword } from "./seed/demo-accounts";
export { ensurePricingSettings } from "./seed/ensure-pricing-settings";

/**
 * Writes the demo catalogue, companies and accounts, in one transaction: the pricing data, the platform and
 * the buyer, each supplier with its capabilities, then the accounts, then the approved audits' auditor.
 */
export async function seedDatabase(db: Database): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);

  await db.$transaction(
    async (tx) => {
      await seedPricingData(tx);
      await seedPlatformAndBuyer(tx);
      await seedAddressBook(tx);
      for (const supplier of demoSuppliers) await seedSupplier(tx, supplier);
      await seedUsers(tx, passwordHash);
      await seedInvoiceTerms(tx);
      // Version 1 of the demo terms and privacy notice, which checkout asks to accept.
      await ensureLegalDocuments(tx, new Date("2026-11-01T08:00:00Z"));
      // The suppliers' audits were written before their auditor's account existed.
      await tx.supplierAudit.updateMany({
        where: { id: { startsWith: "seed_audit_" }, status: "APPROVED" },
        data: { auditorId: "seed_user_olga" },
      });
    },
    { timeout: 60_000 },
  );
}

/** True when the database holds no companies yet: `npm start` seeds only then. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  return (await db.company.count()) === 0;
}
