import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";

/** The platform's invoice terms, part of the versioned settings (PricingSettings.settings.invoiceTerms). */
export const invoiceTermsSchema = z.object({
  /** Days a buyer has to pay an invoice, unless operations gave its company its own terms. */
  paymentTermsDays: z.number().int().min(0).max(120),
});

export type InvoiceTerms = z.infer<typeof invoiceTermsSchema>;

export const defaultInvoiceTerms: InvoiceTerms = { paymentTermsDays: 30 };

/** The invoice terms of the current settings version (the defaults for a version saved before they existed). */
export async function loadInvoiceTerms(db: Database | TransactionClient): Promise<InvoiceTerms> {
  const row = await db.pricingSettings.findFirst({
    orderBy: { version: "desc" },
    select: { settings: true },
  });
  const stored = (row?.settings as { invoiceTerms?: unknown } | undefined)?.invoiceTerms;
  const parsed = invoiceTermsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultInvoiceTerms;
}

/** A company's payment terms in days: its own when operations set them, otherwise the platform's. */
export async function paymentTermsDaysFor(
  db: Database | TransactionClient,
  company: { paymentTermsDays: number | null },
): Promise<number> {
  return company.paymentTermsDays ?? (await loadInvoiceTerms(db)).paymentTermsDays;
}
