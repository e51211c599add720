import type { Database } from "../db/prisma";
import { loadBuyerRecords } from "./load-buyer-records";

const recentDecisions = 20;

/**
 * The operations queue: applications waiting for a decision (oldest first), companies with invoice
 * terms, and the latest decisions; every company with its record (orders, paid and unpaid invoices).
 */
export async function listInvoiceTermsQueue(db: Database, now = new Date()) {
  const [pending, approvedCompanies, decided] = await Promise.all([
    db.invoiceTermsApplication.findMany({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      include: {
        company: { select: { id: true, name: true, countryCode: true, createdAt: true } },
        appliedBy: { select: { name: true, email: true } },
      },
    }),
    db.company.findMany({
      where: { kind: "BUYER", invoicePaymentApproved: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, creditLimitCents: true, paymentTermsDays: true },
    }),
    db.invoiceTermsApplication.findMany({
      where: { status: { not: "PENDING" } },
      orderBy: { decidedAt: "desc" },
      take: recentDecisions,
      include: { company: { select: { id: true, name: true } }, decidedBy: { select: { name: true } } },
    }),
  ]);
  const records = await loadBuyerRecords(
    db,
    [...pending.map((row) => row.companyId), ...approvedCompanies.map((row) => row.id)],
    now,
  );
  return {
    pending: pending.map((application) => ({ ...application, record: records.get(application.companyId)! })),
    approvedCompanies: approvedCompanies.map((company) => ({ ...company, record: records.get(company.id)! })),
    decided,
  };
}

/** How many applications wait for operations: the count on the exceptions board. */
export function countPendingInvoiceTermsApplications(db: Database): Promise<number> {
  return db.invoiceTermsApplication.count({ where: { status: "PENDING" } });
}
