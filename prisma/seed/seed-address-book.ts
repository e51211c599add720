import type { TransactionClient } from "../../lib/db/prisma";

/**
 * Acme's address book (issue 18): its billing address (the company's own, Marienplatz 1) and a second
 * site to ship to, not the default, so checkout starts with "ship to the billing address".
 */
export const demoAddressBook = [
  {
    id: "seed_address_acme_billing",
    kind: "BILLING",
    label: "Billing",
    name: "Accounts payable",
    line: "Marienplatz 1",
    postalCode: "80331",
    city: "Munich",
    countryCode: "DE",
    isDefault: true,
  },
  {
    id: "seed_address_acme_assembly",
    kind: "SHIPPING",
    label: "Assembly plant",
    name: "Goods in, hall 3",
    line: "Lilienthalstraße 12",
    postalCode: "85399",
    city: "Hallbergmoos",
    countryCode: "DE",
    isDefault: false,
  },
] as const;

export async function seedAddressBook(tx: TransactionClient): Promise<void> {
  for (const { id, ...address } of demoAddressBook)
    await tx.companyAddress.upsert({
      where: { id },
      create: { id, companyId: "seed_company_acme", ...address },
      update: address,
    });
}
