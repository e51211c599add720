import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { loadInvoiceTerms } from "../pricing/invoice-terms";
import { loadBuyerRecords } from "./load-buyer-records";
import { loadInvoiceTermsStanding } from "./load-invoice-terms-standing";

/**
 * One buyer company for operations' invoice-terms page: the company, its standing (terms, open
 * invoices, latest application), its record, every application with its decision, and the platform's
 * payment terms (the approval form's default).
 */
export async function loadCompanyInvoiceTerms(db: Database, companyId: string, now = new Date()) {
  const company = await db.company.findUnique({
    where: { id: companyId },
    select: {
      id: true,
      name: true,
      kind: true,
      countryCode: true,
      city: true,
      vatNumber: true,
      createdAt: true,
      users: {
        where: { disabledAt: null },
        select: { name: true, email: true, role: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!company || company.kind !== "BUYER")
    throw new AppError("not_found", "There is no such buyer company.");
  const [standing, records, applications, platformTerms] = await Promise.all([
    loadInvoiceTermsStanding(db, companyId),
    loadBuyerRecords(db, [companyId], now),
    db.invoiceTermsApplication.findMany({
      where: { companyId },
      orderBy: { createdAt: "desc" },
      include: { appliedBy: { select: { name: true, email: true } }, decidedBy: { select: { name: true } } },
    }),
    loadInvoiceTerms(db),
  ]);
  return {
    company,
    standing,
    record: records.get(companyId)!,
    applications,
    pending: applications.find((application) => application.status === "PENDING") ?? null,
    platformPaymentTermsDays: platformTerms.paymentTermsDays,
  };
}
