import type { TransactionClient } from "../../lib/db/prisma";

/**
 * Acme's invoice terms came from an application operations approved (the credit limit and the
 * platform's payment terms on the company, seed-platform-and-buyer.ts), so the demo shows a decided
 * application on /account and /ops/invoice-terms. Needs the users: Paula applied, Olga approved.
 */
export async function seedInvoiceTerms(tx: TransactionClient): Promise<void> {
  const application = {
    companyId: "seed_company_acme",
    appliedById: "seed_user_paula",
    status: "APPROVED",
    registerNumber: "HRB 123456",
    registerCourt: "Amtsgericht München",
    expectedMonthlyVolumeCents: 800_000,
    billingContactName: "Accounts payable",
    billingContactEmail: "paula.purchaser@acme.example",
    decidedById: "seed_user_olga",
    decidedAt: new Date("2026-11-02T09:30:00Z"),
    creditLimitCents: 2_000_000,
    paymentTermsDays: null,
    createdAt: new Date("2026-10-30T14:00:00Z"),
  } as const;
  await tx.invoiceTermsApplication.upsert({
    where: { id: "seed_invoice_terms_acme" },
    create: { id: "seed_invoice_terms_acme", ...application },
    update: application,
  });
}
