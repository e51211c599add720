import { z } from "zod";
import type { Database } from "../db/prisma";
import { quoteDay } from "../quotes/quote-day";

const dayMs = 86_400_000;

/** The stored shape of `LedgerCheck.differences` (written by checkLedger). */
const differencesSchema = z.array(
  z.object({
    orderId: z.string(),
    orderNumber: z.string(),
    what: z.string(),
    expectedCents: z.number().int(),
    actualCents: z.number().int(),
  }),
);

interface LedgerSumsRow {
  orderId: string;
  orderNumber: string;
  createdAt: Date;
  buyerCents: number;
  vatCents: number;
  supplierCents: number;
  marginCents: number;
}

/**
 * What operations act on in money: the last ledger check, buyer invoices past their due day, payouts held,
 * failed, retried for lack of Stripe balance or waiting for a bank transfer, open complaints, and the ledger sums (cents) per account of the 50
 * most recent orders with ledger entries.
 */
export async function loadPaymentsOverview(db: Database, now = new Date()) {
  // Invoices fall due by the German calendar day.
  const today = quoteDay(now);
  const todayStart = new Date(`${today}T00:00:00Z`);
  const supplierWithOrder = {
    supplierCompany: { select: { name: true } },
    order: { select: { id: true, number: true } },
  } as const;
  const [lastCheck, overdue, heldPayouts, failedPayouts, manualPayoutsToSend, openComplaints, recentOrders] =
    await Promise.all([
      db.ledgerCheck.findFirst({ orderBy: { ranAt: "desc" } }),
      db.invoice.findMany({
        where: { kind: "BUYER_INVOICE", status: "ISSUED", dueAt: { lt: todayStart } },
        orderBy: [{ dueAt: "asc" }, { number: "asc" }],
        include: { company: { select: { name: true } }, order: { select: { id: true, number: true } } },
      }),
      db.payout.findMany({
        where: { status: "HELD" },
        orderBy: { createdAt: "asc" },
        include: supplierWithOrder,
      }),
      db.payout.findMany({
        where: { status: "FAILED" },
        orderBy: { updatedAt: "asc" },
        include: supplierWithOrder,
      }),
      db.payout.findMany({
        where: { status: "PENDING", method: "MANUAL_TRANSFER" },
        orderBy: { createdAt: "asc" },
        include: {
          supplierCompany: {
            select: { name: true, bankAccountHolder: true, bankIban: true, bankBic: true },
          },
          order: { select: { id: true, number: true } },
          invoice: { select: { id: true, number: true } },
        },
      }),
      db.complaint.findMany({
        where: { status: "OPEN" },
        orderBy: { createdAt: "asc" },
        include: {
          buyerCompany: { select: { name: true } },
          orderLine: {
            select: {
              part: { select: { originalFileName: true } },
              supplierCompany: { select: { name: true } },
              order: { select: { id: true, number: true } },
            },
          },
        },
      }),
      db.$queryRaw<LedgerSumsRow[]>`
        SELECT o."id" AS "orderId", o."number" AS "orderNumber", o."createdAt",
          COALESCE(SUM(e."amountCents") FILTER (WHERE e."account" = 'BUYER'), 0)::int AS "buyerCents",
          COALESCE(SUM(e."amountCents") FILTER (WHERE e."account" = 'VAT'), 0)::int AS "vatCents",
          COALESCE(SUM(e."amountCents") FILTER (WHERE e."account" = 'SUPPLIER'), 0)::int AS "supplierCents",
          COALESCE(SUM(e."amountCents") FILTER (WHERE e."account" = 'MARGIN'), 0)::int AS "marginCents"
        FROM "Order" o
        JOIN "LedgerEntry" e ON e."orderId" = o."id"
        GROUP BY o."id"
        ORDER BY o."createdAt" DESC, o."id" DESC
        LIMIT 50`,
    ]);
  // Stripe transfers refused for lack of balance, waiting for their next attempt (lib/payouts, 0027).
  const retryingPayouts = await db.payout.findMany({
    where: { status: "PENDING", method: "STRIPE_TRANSFER", transferAttempts: { gt: 0 } },
    orderBy: { nextTransferAttemptAt: "asc" },
    include: supplierWithOrder,
  });
  return {
    today,
    lastCheck: lastCheck && { ...lastCheck, differences: differencesSchema.parse(lastCheck.differences) },
    overdueInvoices: overdue.map((invoice) => ({
      ...invoice,
      daysOverdue: Math.round((todayStart.getTime() - invoice.dueAt.getTime()) / dayMs),
    })),
    heldPayouts,
    failedPayouts,
    retryingPayouts,
    manualPayoutsToSend,
    openComplaints,
    recentOrders,
  };
}

export type PaymentsOverview = Awaited<ReturnType<typeof loadPaymentsOverview>>;
