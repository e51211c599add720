import type { Database, TransactionClient } from "../db/prisma";
import { paymentTermsDaysFor } from "../pricing/invoice-terms";

/** Invoices issued and not yet paid, which count against the credit limit. */
export async function openInvoiceCents(db: Database | TransactionClient, companyId: string): Promise<number> {
  const open = await db.invoice.aggregate({
    where: { companyId, kind: "BUYER_INVOICE", status: "ISSUED" },
    _sum: { totalCents: true },
  });
  return open._sum.totalCents ?? 0;
}

export type InvoiceTermsStanding = Awaited<ReturnType<typeof loadInvoiceTermsStanding>>;

/**
 * Where a buyer company stands with invoice terms: approved or not, its credit limit, effective payment
 * terms (its own or the platform's), its open invoices, its latest application (pending, approved,
 * declined or withdrawn, with the decision), and whether it may apply now: not while an application
 * waits, and not while it has invoice terms.
 */
export async function loadInvoiceTermsStanding(db: Database | TransactionClient, companyId: string) {
  const company = await db.company.findUniqueOrThrow({
    where: { id: companyId },
    select: { invoicePaymentApproved: true, creditLimitCents: true, paymentTermsDays: true },
  });
  const latestApplication = await db.invoiceTermsApplication.findFirst({
    where: { companyId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      creditLimitCents: true,
      paymentTermsDays: true,
      declineReason: true,
      withdrawnAt: true,
      withdrawnReason: true,
    },
  });
  const open = await openInvoiceCents(db, companyId);
  return {
    approved: company.invoicePaymentApproved,
    creditLimitCents: company.creditLimitCents,
    paymentTermsDays: await paymentTermsDaysFor(db, company),
    openInvoiceCents: open,
    /** What may still be invoiced next to the open invoices (never below zero). */
    availableCents: Math.max(0, company.creditLimitCents - open),
    latestApplication,
    mayApply: !company.invoicePaymentApproved && latestApplication?.status !== "PENDING",
  };
}
