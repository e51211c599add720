import type { Database } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { type ExportPeriod, periodBounds } from "../dates/export-period";
import { assignDatevAccountNumbers } from "./assign-datev-account-numbers";
import { buildDatevBookingBatch } from "./build-datev-booking-batch";
import { datevAccountLength } from "./datev-accounts";
import { datevFiscalYearStart } from "./datev-fiscal-year";
import { datevBookingsForInvoices } from "./datev-bookings-for-invoices";

/**
 * The DATEV posting batch of a period (decision 0062): every buyer invoice, credit note and self-billing
 * invoice issued in it, in Berlin days. A self-billing invoice voided before the export (its payout was
 * cancelled) is left out: it never became a debt. The batch must lie in one fiscal year, as DATEV wants.
 */
export async function loadDatevExport(
  prisma: Database,
  period: ExportPeriod,
  now: Date = new Date(),
): Promise<{ bytes: Buffer; fileName: string; bookingCount: number }> {
  const env = getEnv();
  const fiscalYearStart = datevFiscalYearStart(period, env.DATEV_FISCAL_YEAR_START_MONTH);
  const { start, endExclusive } = periodBounds(period);
  const where = {
    issuedAt: { gte: start, lt: endExclusive },
    NOT: { kind: "SELF_BILLING" as const, status: "VOID" as const },
  };
  const invoices = await prisma.$transaction(async (tx) => {
    const companies = await tx.invoice.findMany({
      where,
      select: { companyId: true },
      distinct: ["companyId"],
    });
    await assignDatevAccountNumbers(
      tx,
      companies.map((row) => row.companyId),
    );
    return tx.invoice.findMany({
      where,
      orderBy: [{ issuedAt: "asc" }, { number: "asc" }],
      select: {
        number: true,
        kind: true,
        totalCents: true,
        vatCents: true,
        issuedAt: true,
        dueAt: true,
        note: true,
        supplierVatTreatment: true,
        supplierVatId: true,
        company: { select: { name: true, datevAccountNumber: true } },
        order: { select: { number: true, vatTreatment: true, vatNumber: true } },
      },
    });
  });
  const bookings = datevBookingsForInvoices(
    invoices.map((invoice) => ({
      ...invoice,
      company: { name: invoice.company.name, datevAccountNumber: invoice.company.datevAccountNumber! },
    })),
  );
  const batch = buildDatevBookingBatch(
    {
      consultantNumber: env.DATEV_CONSULTANT_NUMBER,
      clientNumber: env.DATEV_CLIENT_NUMBER,
      fiscalYearStart,
      accountLength: datevAccountLength,
      from: period.from,
      to: period.to,
      label: `Rechnungen ${period.from} bis ${period.to}`,
      chartOfAccounts: "03",
      createdAt: now,
    },
    bookings,
  );
  return { bytes: batch.bytes, fileName: batch.fileName, bookingCount: bookings.length };
}
