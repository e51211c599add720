import { acceptedOffersSelect } from "../orders/supplier-price-of-line";
import type { LedgerAccount } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { refundableCents } from "../payments/refundable-cents";

export type LedgerTotals = Record<LedgerAccount, number>;

/** Sums signed ledger amounts per account, in cents; accounts without entries are 0. */
export function sumLedgerByAccount(
  entries: readonly { account: LedgerAccount; amountCents: number }[],
): LedgerTotals {
  const totals: LedgerTotals = { BUYER: 0, VAT: 0, SUPPLIER: 0, MARGIN: 0 };
  for (const entry of entries) totals[entry.account] += entry.amountCents;
  return totals;
}

/**
 * One order with all of its money for the operations order page: lines with their supplier and complaints,
 * payment attempts with their refunds, every document (buyer invoice, credit notes, self-billing invoices),
 * payouts, the ledger entries in the order they were written and their totals per account (cents).
 * Throws `not_found` for an unknown order.
 */
export async function loadOrderMoney(db: Database, orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      buyerCompany: { select: { id: true, name: true } },
      placedBy: { select: { name: true, email: true } },
      lines: {
        orderBy: { createdAt: "asc" },
        include: {
          part: { select: { originalFileName: true } },
          supplierCompany: { select: { name: true } },
          offers: acceptedOffersSelect,
          complaints: {
            orderBy: { createdAt: "asc" },
            include: { createdBy: { select: { name: true } } },
          },
        },
      },
      payments: {
        orderBy: { createdAt: "asc" },
        include: {
          refunds: { orderBy: { createdAt: "asc" }, include: { creditNote: { select: { number: true } } } },
        },
      },
      invoices: {
        orderBy: [{ issuedAt: "asc" }, { number: "asc" }],
        include: { company: { select: { name: true } } },
      },
      payouts: {
        orderBy: { createdAt: "asc" },
        include: {
          supplierCompany: { select: { name: true } },
          orderLine: { select: { part: { select: { originalFileName: true } } } },
          invoice: { select: { id: true, number: true } },
        },
      },
      ledgerEntries: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!order) throw new AppError("not_found", "There is no such order.");
  return {
    ...order,
    ledgerTotals: sumLedgerByAccount(order.ledgerEntries),
    refundableCents: refundableCents(order),
  };
}

export type OrderMoney = Awaited<ReturnType<typeof loadOrderMoney>>;
