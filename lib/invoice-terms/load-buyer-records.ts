import type { Database } from "../db/prisma";

export interface BuyerRecord {
  orders: number;
  orderedCents: number;
  paidInvoices: number;
  paidCents: number;
  unpaidInvoices: number;
  unpaidCents: number;
  overdueInvoices: number;
}

/**
 * What operations weigh an application by, per buyer company: its orders so far (not cancelled) and
 * their gross total, its buyer invoices paid, and those still open with how many are past due.
 */
export async function loadBuyerRecords(
  db: Database,
  companyIds: string[],
  now = new Date(),
): Promise<Map<string, BuyerRecord>> {
  const ids = [...new Set(companyIds)];
  const [orders, invoices, overdue] = await Promise.all([
    db.order.groupBy({
      by: ["buyerCompanyId"],
      where: { buyerCompanyId: { in: ids }, status: { not: "CANCELLED" } },
      _count: { _all: true },
      _sum: { totalCents: true },
    }),
    db.invoice.groupBy({
      by: ["companyId", "status"],
      where: { companyId: { in: ids }, kind: "BUYER_INVOICE", status: { in: ["ISSUED", "PAID"] } },
      _count: { _all: true },
      _sum: { totalCents: true },
    }),
    db.invoice.groupBy({
      by: ["companyId"],
      where: { companyId: { in: ids }, kind: "BUYER_INVOICE", status: "ISSUED", dueAt: { lt: now } },
      _count: { _all: true },
    }),
  ]);
  const records = new Map<string, BuyerRecord>(
    ids.map((id) => [
      id,
      {
        orders: 0,
        orderedCents: 0,
        paidInvoices: 0,
        paidCents: 0,
        unpaidInvoices: 0,
        unpaidCents: 0,
        overdueInvoices: 0,
      },
    ]),
  );
  for (const row of orders) {
    const record = records.get(row.buyerCompanyId)!;
    record.orders = row._count._all;
    record.orderedCents = row._sum.totalCents ?? 0;
  }
  for (const row of invoices) {
    const record = records.get(row.companyId)!;
    if (row.status === "PAID") {
      record.paidInvoices = row._count._all;
      record.paidCents = row._sum.totalCents ?? 0;
    } else {
      record.unpaidInvoices = row._count._all;
      record.unpaidCents = row._sum.totalCents ?? 0;
    }
  }
  for (const row of overdue) records.get(row.companyId)!.overdueInvoices = row._count._all;
  return records;
}
