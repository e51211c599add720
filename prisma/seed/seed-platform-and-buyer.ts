import type { TransactionClient } from "../../lib/db/prisma";

/** Writes the platform's own company (`seed_company_platform`) and the demo buyer, Acme (`seed_company_acme`). */
export async function seedPlatformAndBuyer(tx: TransactionClient): Promise<void> {
  const platform = {
    kind: "PLATFORM",
    status: "ACTIVE",
    name: "Instant Quote Platform GmbH",
    countryCode: "DE",
    city: "Munich",
  } as const;
  await tx.company.upsert({
    where: { id: "seed_company_platform" },
    create: { id: "seed_company_platform", ...platform },
    update: platform,
  });
  const buyer = {
    kind: "BUYER",
    status: "ACTIVE",
    name: "Acme Robotics GmbH",
    countryCode: "DE",
    city: "Munich",
    postalCode: "80331",
    addressLine: "Marienplatz 1",
    vatNumber: "DE812345673",
    latitude: 48.14,
    longitude: 11.58,
    invoicePaymentApproved: true,
    creditLimitCents: 2_000_000,
    // Null: the platform's invoice terms (settings) apply.
    paymentTermsDays: null,
    orderApprovalLimitCents: 500_000,
  } as const;
  await tx.company.upsert({
    where: { id: "seed_company_acme" },
    create: { id: "seed_company_acme", ...buyer },
    update: buyer,
  });
}
