import type { Database } from "../db/prisma";
import { openAmountCents } from "./open-amount-cents";

/**
 * What /ops/payments/bank-statements shows: the credits no reference matched (to assign by hand), the
 * open credits (over-payments and money for cancelled orders, to refund or keep), the prepayment orders
 * still waiting for money with what has arrived, and the statements uploaded last.
 */
export async function loadBankStatementsOverview(db: Database) {
  const [unmatched, openCredits, waitingOrders, statements] = await Promise.all([
    db.bankStatementEntry.findMany({
      where: { outcome: "UNMATCHED" },
      orderBy: [{ bookingDate: "asc" }, { createdAt: "asc" }],
      take: 200,
    }),
    db.bankStatementEntry.findMany({
      where: { creditStatus: "OPEN" },
      orderBy: [{ bookingDate: "asc" }, { createdAt: "asc" }],
      include: { order: { select: { id: true, number: true, status: true } } },
      take: 200,
    }),
    db.order.findMany({
      where: { paymentMethod: "BANK_TRANSFER", status: "AWAITING_PAYMENT" },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        number: true,
        createdAt: true,
        totalCents: true,
        paymentReference: true,
        prepaymentRemindedAt: true,
        buyerCompany: { select: { name: true } },
        payments: { select: { method: true, status: true, amountCents: true } },
        invoices: { select: { kind: true, status: true, totalCents: true } },
      },
      take: 200,
    }),
    db.bankStatement.findMany({ orderBy: { createdAt: "desc" }, take: 10 }),
  ]);
  return {
    unmatched,
    openCredits,
    waitingOrders: waitingOrders.map((order) => ({ ...order, openCents: openAmountCents(order) })),
    statements,
  };
}
