import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { appUrl, getEnv } from "../env";
import { queueEmail } from "../notifications/queue-email";
import { formatEuros } from "../money/format-euros";
import { getStripe } from "../payments/stripe-client";

export interface LedgerDifference {
  orderId: string;
  orderNumber: string;
  what: string;
  expectedCents: number;
  actualCents: number;
}

interface OrderSums {
  orderId: string;
  orderNumber: string;
  paymentMethod: "CARD" | "INVOICE" | "BANK_TRANSFER";
  ledgerBuyer: number;
  ledgerVat: number;
  ledgerSupplier: number;
  ledgerMargin: number;
  invoiced: number;
  credited: number;
  documentVat: number;
  cardPaid: number;
  cardRefunded: number;
  bankReceived: number;
  totalCents: number;
  status: string;
  refundsSucceeded: number;
  /** Supplementary invoices of a prepayment order's counteroffers, paid by card (decision 0047). */
  supplementsByCard: number;
  refundsOwed: number;
  payoutsOwed: number;
  /** Paid by Stripe transfer, less what Stripe reversed of those transfers (transfer.reversed). */
  stripePayoutsPaid: number;
}

/**
 * The ledger check (nightly, and on demand from the payments page): per order, the ledger must balance
 * (buyer = VAT + supplier + margin) and agree with the documents (invoices less credit notes), the card
 * payments less refunds, the bank transfers of prepayment orders, and the payouts; with Stripe configured, each card payment's amount and refunds
 * and each order's transfers are read back from Stripe and compared too. Differences are stored with the
 * run and sent to operations.
 */
export async function checkLedger(db: Database, now = new Date()) {
  const startedMs = performance.now();
  const sums = await db.$queryRaw<OrderSums[]>`
    SELECT o."id" AS "orderId", o."number" AS "orderNumber", o."paymentMethod"::text AS "paymentMethod",
      COALESCE((SELECT SUM(e."amountCents") FROM "LedgerEntry" e WHERE e."orderId" = o."id" AND e."account" = 'BUYER'), 0)::int AS "ledgerBuyer",
      COALESCE((SELECT SUM(e."amountCents") FROM "LedgerEntry" e WHERE e."orderId" = o."id" AND e."account" = 'VAT'), 0)::int AS "ledgerVat",
      COALESCE((SELECT SUM(e."amountCents") FROM "LedgerEntry" e WHERE e."orderId" = o."id" AND e."account" = 'SUPPLIER'), 0)::int AS "ledgerSupplier",
      COALESCE((SELECT SUM(e."amountCents") FROM "LedgerEntry" e WHERE e."orderId" = o."id" AND e."account" = 'MARGIN'), 0)::int AS "ledgerMargin",
      COALESCE((SELECT SUM(i."totalCents") FROM "Invoice" i WHERE i."orderId" = o."id" AND i."kind" = 'BUYER_INVOICE'), 0)::int AS "invoiced",
      COALESCE((SELECT SUM(i."totalCents") FROM "Invoice" i WHERE i."orderId" = o."id" AND i."kind" = 'CREDIT_NOTE'), 0)::int AS "credited",
      COALESCE((SELECT SUM(CASE i."kind" WHEN 'BUYER_INVOICE' THEN i."vatCents" ELSE -i."vatCents" END) FROM "Invoice" i
        WHERE i."orderId" = o."id" AND NOT (i."kind" = 'SELF_BILLING' AND i."status" = 'VOID')), 0)::int AS "documentVat",
      COALESCE((SELECT SUM(p."amountCents") FROM "Payment" p WHERE p."orderId" = o."id" AND p."method" = 'CARD'
        AND p."status" IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')), 0)::int AS "cardPaid",
      COALESCE((SELECT SUM(p."refundedCents") FROM "Payment" p WHERE p."orderId" = o."id" AND p."method" = 'CARD'), 0)::int AS "cardRefunded",
      COALESCE((SELECT SUM(p."amountCents") FROM "Payment" p WHERE p."orderId" = o."id" AND p."method" = 'BANK_TRANSFER'
        AND p."status" = 'SUCCEEDED'), 0)::int AS "bankReceived",
      COALESCE((SELECT SUM(i."totalCents") FROM "Invoice" i JOIN "Counteroffer" k ON k."supplementInvoiceId" = i."id"
        WHERE i."orderId" = o."id" AND o."paymentMethod" = 'BANK_TRANSFER'), 0)::int AS "supplementsByCard",
      o."totalCents" AS "totalCents", o."status"::text AS "status",
      COALESCE((SELECT SUM(r."amountCents") FROM "Refund" r JOIN "Payment" p ON p."id" = r."paymentId"
        WHERE p."orderId" = o."id" AND r."status" = 'SUCCEEDED'), 0)::int AS "refundsSucceeded",
      COALESCE((SELECT SUM(r."amountCents") FROM "Refund" r JOIN "Payment" p ON p."id" = r."paymentId"
        WHERE p."orderId" = o."id" AND r."status" = 'FAILED' AND r."creditNoteId" IS NOT NULL), 0)::int AS "refundsOwed",
      COALESCE((SELECT SUM(y."amountCents") FROM "Payout" y WHERE y."orderId" = o."id" AND y."status" <> 'CANCELLED'
        AND y."invoiceId" IS NOT NULL), 0)::int AS "payoutsOwed",
      COALESCE((SELECT SUM(y."amountCents" - y."amountReversedCents") FROM "Payout" y WHERE y."orderId" = o."id"
        AND y."status" = 'PAID' AND y."method" = 'STRIPE_TRANSFER'), 0)::int AS "stripePayoutsPaid"
    FROM "Order" o
    WHERE EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e."orderId" = o."id")
       OR EXISTS (SELECT 1 FROM "Payment" p WHERE p."orderId" = o."id" AND p."status" <> 'PENDING' AND p."status" <> 'FAILED')
       OR EXISTS (SELECT 1 FROM "Invoice" i WHERE i."orderId" = o."id")
    ORDER BY o."createdAt"`;

  const differences: LedgerDifference[] = [];
  for (const order of sums) {
    const expect = (what: string, expectedCents: number, actualCents: number) => {
      if (expectedCents !== actualCents)
        differences.push({
          orderId: order.orderId,
          orderNumber: order.orderNumber,
          what,
          expectedCents,
          actualCents,
        });
    };
    expect(
      "ledger: buyer = VAT + partner + margin",
      order.ledgerBuyer,
      order.ledgerVat + order.ledgerSupplier + order.ledgerMargin,
    );
    expect("buyer: invoices less credit notes vs ledger", order.invoiced - order.credited, order.ledgerBuyer);
    expect("VAT: documents vs ledger", order.documentVat, order.ledgerVat);
    expect("partner: payouts vs ledger", order.payoutsOwed, order.ledgerSupplier);
    if (order.paymentMethod === "CARD") {
      // A card refund that came back after its credit note is owed to the buyer until operations pay it.
      expect(
        "card: paid less refunded (and refunds owed after a card refund came back) vs ledger",
        order.cardPaid - order.cardRefunded - order.refundsOwed,
        order.ledgerBuyer,
      );
      expect("card: refunded on payments vs refunds", order.refundsSucceeded, order.cardRefunded);
    }
    if (order.paymentMethod === "BANK_TRANSFER") differences.push(...bankTransferDifferences(order));
  }
  const stripe = getStripe();
  if (stripe) differences.push(...(await compareWithStripe(db, sums)));

  const check = await db.ledgerCheck.create({
    data: {
      ranAt: now,
      ordersChecked: sums.length,
      stripeChecked: stripe !== null,
      differences: differences as unknown as Prisma.InputJsonValue,
      durationMs: performance.now() - startedMs,
    },
  });
  if (differences.length > 0)
    await queueEmail(db, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Ledger check: ${differences.length} difference${differences.length === 1 ? "" : "s"}`,
      text: [
        `The nightly ledger check found ${differences.length} difference${differences.length === 1 ? "" : "s"} between the ledger and the documents or Stripe:`,
        differences
          .slice(0, 50)
          .map(
            (difference) =>
              `- Order ${difference.orderNumber}, ${difference.what}: expected ${formatEuros(difference.expectedCents)}, found ${formatEuros(difference.actualCents)}. ${appUrl()}/ops/orders/${difference.orderId}`,
          )
          .join("\n"),
        `Every check and its differences: ${appUrl()}/ops/payments`,
      ].join("\n\n"),
    });
  return { ...check, differences };
}

/**
 * A prepayment order (lib/bank-transfers/): like an invoice order its ledger follows the invoice less
 * credit notes (checked above for every order); besides, the bank transfers booked towards it must be
 * its invoice's total once the invoice is issued (it is issued when they reach it), and less than the
 * order's total before. Money beyond that is a credit on the bank statement entry, never on the order.
 */
function bankTransferDifferences(order: OrderSums): LedgerDifference[] {
  const difference = (what: string, expectedCents: number) => ({
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    what,
    expectedCents,
    actualCents: order.bankReceived,
  });
  // A counteroffer's price difference on a prepayment order is paid by card (docs/decisions/0047).
  const bankInvoiced = order.invoiced - order.supplementsByCard;
  if (bankInvoiced > 0 && order.bankReceived !== bankInvoiced)
    return [difference("bank transfer: received vs invoice", bankInvoiced)];
  if (order.invoiced === 0 && order.status !== "CANCELLED" && order.bankReceived >= order.totalCents)
    return [difference("bank transfer: paid in full but no invoice issued", order.totalCents)];
  return [];
}

/** Stripe's own record: each card payment's received and refunded amounts, each order's transfers. */
async function compareWithStripe(db: Database, sums: OrderSums[]): Promise<LedgerDifference[]> {
  const stripe = getStripe()!;
  const differences: LedgerDifference[] = [];
  const payments = await db.payment.findMany({
    where: { method: "CARD", stripePaymentIntentId: { not: null }, status: { not: "PENDING" } },
    include: {
      order: { select: { number: true } },
      refunds: { select: { method: true, status: true, stripeRefundId: true, amountCents: true } },
    },
  });
  for (const payment of payments) {
    const intent = await stripe.paymentIntents.retrieve(payment.stripePaymentIntentId!, {
      expand: ["latest_charge"],
    });
    const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
    const push = (what: string, expectedCents: number, actualCents: number) => {
      if (expectedCents !== actualCents)
        differences.push({
          orderId: payment.orderId,
          orderNumber: payment.order.number,
          what,
          expectedCents,
          actualCents,
        });
    };
    const succeeded = payment.status === "FAILED" ? 0 : payment.amountCents;
    push(`Stripe: received on ${intent.id}`, succeeded, intent.amount_received);
    // Stripe counts a waiting refund on the charge at once and takes a failed one off again; refunds by
    // bank transfer never reach it.
    const atStripeCents = payment.refunds
      .filter(
        (refund) =>
          refund.method === "STRIPE" &&
          refund.stripeRefundId !== null &&
          (refund.status === "PENDING" || refund.status === "SUCCEEDED"),
      )
      .reduce((sum, refund) => sum + refund.amountCents, 0);
    push(`Stripe: refunded on ${intent.id}`, atStripeCents, charge?.amount_refunded ?? 0);
  }
  for (const order of sums) {
    const transfers = await stripe.transfers.list({ transfer_group: `order_${order.orderId}`, limit: 100 });
    const transferredCents = transfers.data.reduce(
      (sum, transfer) => sum + transfer.amount - (transfer.amount_reversed ?? 0),
      0,
    );
    if (transferredCents !== order.stripePayoutsPaid)
      differences.push({
        orderId: order.orderId,
        orderNumber: order.orderNumber,
        what: "Stripe: transfers vs paid payouts",
        expectedCents: order.stripePayoutsPaid,
        actualCents: transferredCents,
      });
  }
  return differences;
}
