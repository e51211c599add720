import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { resetEnvCache } from "../../lib/env";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { loadPaymentsOverview } from "../../lib/ledger/load-payments-overview";
import { nextDocumentNumber } from "../../lib/documents/next-document-number";
import { markInvoicePaid } from "../../lib/payments/mark-invoice-paid";
import { refundByOperations } from "../../lib/payments/refund-by-operations";
import { sendPendingRefunds } from "../../lib/payments/send-pending-refunds";
import { sendRefund } from "../../lib/payments/send-refund";
import { startCardCheckout } from "../../lib/payments/start-card-checkout";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, placeMillingOrder, startStripeForTests, ledgerSums } from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const olga = { userId: "seed_user_olga", companyId: "seed_company_platform", role: "OPERATIONS" as const };

describe("buyer payments through Stripe", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;

  const ledgerOf = (orderId: string) => ledgerSums(db, orderId);
  const eventsOfType = (type: string) => stripe.fake.pendingEvents().filter((event) => event.type === type);

  /** A card order, its checkout session paid on the fake, and the events still undelivered. */
  async function paidCardOrder() {
    const { order, line } = await placeMillingOrder(db, "CARD");
    await startCardCheckout(db, anna, order.id);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    stripe.fake.completeCheckout(payment.stripeCheckoutSessionId!);
    return { order, line, payment };
  }

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
    // Here refunds succeed at once, as most card refunds do; refunds that wait or fail: refunds.test.ts.
    stripe.fake.setRefundMode("succeed-at-once");
  });
  afterAll(async () => {
    await stripe.stop();
    await db.$disconnect();
  });
  beforeEach(async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await stripe.fake.deliverAll();
  });

  it("sends the buyer to a Checkout Session of the order's frozen prices and marks it paid only from the webhook", async () => {
    const { order } = await placeMillingOrder(db, "CARD");
    expect(order.status).toBe("AWAITING_PAYMENT");
    const { url } = await startCardCheckout(db, anna, order.id);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    const session = stripe.fake.state.checkoutSessions.get(payment.stripeCheckoutSessionId!)!;
    expect(url).toBe(session.url);
    expect(session).toMatchObject({
      amount_total: order.totalCents,
      currency: "eur",
      customer_email: anna.email,
      metadata: { orderId: order.id, paymentId: payment.id, orderNumber: order.number },
    });
    // Stripe's page names each line's material as the buyer chose it, not by its catalogue code.
    const client = (await import("../../lib/payments/stripe-client")).requireStripe();
    const items = (await client.checkout.sessions.retrieve(session.id, { expand: ["line_items"] })).line_items!.data;
    expect(items[0]!.description).toMatch(/^.+: 10 × CNC milling, Aluminium 6061-T6$/);
    // Asking again reuses the open session instead of making another.
    expect((await startCardCheckout(db, anna, order.id)).url).toBe(url);
    expect(stripe.fake.requests.filter((request) => request.path === "/v1/checkout/sessions")).toHaveLength(
      1,
    );

    stripe.fake.completeCheckout(session.id);
    // Paid at Stripe, but no webhook yet: the order is not paid.
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");
    await stripe.fake.deliverAll();

    const confirmed = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { payments: true, invoices: true },
    });
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.payments[0]).toMatchObject({ status: "SUCCEEDED", stripeCheckoutSessionId: session.id });
    expect(confirmed.payments[0]!.stripePaymentIntentId).toMatch(/^pi_/);
    expect(confirmed.invoices).toEqual([
      expect.objectContaining({ kind: "BUYER_INVOICE", status: "PAID", totalCents: order.totalCents }),
    ]);
    expect(await ledgerOf(order.id)).toEqual({
      BUYER: order.totalCents,
      VAT: order.vatCents,
      MARGIN: order.subtotalCents,
    });
    await expect(startCardCheckout(db, anna, order.id)).rejects.toThrow(/paid already/);
  });

  it("processes every event once: a delivery repeated changes nothing", async () => {
    const { order } = await paidCardOrder();
    const completed = eventsOfType("checkout.session.completed")[0]!;
    expect(await stripe.fake.deliver(completed.id)).toBe(200);
    const entriesBefore = await db.ledgerEntry.count({ where: { orderId: order.id } });
    const changesBefore = await db.orderStatusChange.count({ where: { orderId: order.id } });
    expect(await stripe.fake.deliver(completed.id)).toBe(200);
    expect(stripe.results.at(-1)).toMatchObject({ eventId: completed.id, outcome: "duplicate" });
    expect(await db.ledgerEntry.count({ where: { orderId: order.id } })).toBe(entriesBefore);
    expect(await db.orderStatusChange.count({ where: { orderId: order.id } })).toBe(changesBefore);
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("refuses a bad signature with 400 and changes nothing", async () => {
    const { order, payment } = await paidCardOrder();
    const completed = eventsOfType("checkout.session.completed")[0]!;
    expect(await stripe.fake.deliver(completed.id, { secret: "whsec_someone_else" })).toBe(400);
    expect(await stripe.fake.deliver(completed.id, { tamper: true })).toBe(400);
    expect(await db.stripeEvent.findUnique({ where: { id: completed.id } })).toBeNull();
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");
    expect(await stripe.fake.deliver(completed.id)).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
  });

  it("rolls an event back whole when applying it fails half-way, and applies it on Stripe's retry", async () => {
    const { order, payment } = await paidCardOrder();
    const completed = eventsOfType("checkout.session.completed")[0]!;
    // The database refuses the invoice, after the payment and the order were already updated in the transaction.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated crash'; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_invoice BEFORE INSERT ON "Invoice" FOR EACH ROW EXECUTE FUNCTION refuse_invoice()`,
    );
    try {
      expect(await stripe.fake.deliver(completed.id)).toBe(500);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_invoice ON "Invoice"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_invoice()`);
    }
    expect(await db.stripeEvent.findUnique({ where: { id: completed.id } })).toBeNull();
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");
    expect(await stripe.fake.deliver(completed.id)).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
  });

  it("handles events out of order: the payment intent first, the session after, a late expiry ignored", async () => {
    const { order, payment } = await paidCardOrder();
    const intentEvent = eventsOfType("payment_intent.succeeded")[0]!;
    const sessionEvent = eventsOfType("checkout.session.completed")[0]!;
    expect(await stripe.fake.deliver(intentEvent.id)).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
    expect(await stripe.fake.deliver(sessionEvent.id)).toBe(200);
    expect(stripe.results.at(-1)).toMatchObject({ outcome: "processed", followUps: [] });
    await stripe.fake.deliverAll();
    expect(await db.invoice.count({ where: { orderId: order.id, kind: "BUYER_INVOICE" } })).toBe(1);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("SUCCEEDED");
  });

  it("acknowledges events for objects it does not know, and logs them", async () => {
    const client = (await import("../../lib/payments/stripe-client")).requireStripe();
    const foreign = await client.checkout.sessions.create({
      mode: "payment",
      success_url: "https://example.com/done",
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "eur", unit_amount: 999, product_data: { name: "Not ours" } },
        },
      ],
    });
    stripe.fake.completeCheckout(foreign.id);
    const events = stripe.fake.pendingEvents();
    for (const event of events) expect(await stripe.fake.deliver(event.id)).toBe(200);
    const outcomes = stripe.results.slice(-events.length).map((result) => result.outcome);
    expect(outcomes.every((outcome) => outcome === "ignored")).toBe(true);
    expect(await db.stripeEvent.count({ where: { id: { in: events.map((event) => event.id) } } })).toBe(
      events.length,
    );
  });

  it("survives a crash after Stripe created the session: the retry gets the same session", async () => {
    const { order } = await placeMillingOrder(db, "CARD");
    // Stripe acts, the answer is lost, twice (the SDK retries once by itself).
    stripe.fake.failNext({ method: "POST", path: "/v1/checkout/sessions", mode: "after", times: 2 });
    await expect(startCardCheckout(db, anna, order.id)).rejects.toThrow();
    const pending = await db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(pending).toMatchObject({ status: "PENDING", stripeCheckoutSessionId: null });
    const { url } = await startCardCheckout(db, anna, order.id);
    const sessions = [...stripe.fake.state.checkoutSessions.values()].filter(
      (session) => session.metadata.orderId === order.id,
    );
    expect(sessions).toHaveLength(1);
    expect(url).toBe(sessions[0]!.url);
    expect((await db.payment.findUniqueOrThrow({ where: { id: pending.id } })).stripeCheckoutSessionId).toBe(
      sessions[0]!.id,
    );

    // Stripe down before acting: nothing is made, the next try works.
    const { order: second } = await placeMillingOrder(db, "CARD");
    stripe.fake.failNext({ method: "POST", path: "/v1/checkout/sessions", mode: "before", times: 2 });
    await expect(startCardCheckout(db, anna, second.id)).rejects.toThrow();
    await startCardCheckout(db, anna, second.id);
    expect(await db.payment.count({ where: { orderId: second.id } })).toBe(1);
  });

  it("refunds part and then the rest; a refund interrupted after Stripe acted is completed once", async () => {
    const { order } = await paidCardOrder();
    await stripe.fake.deliverAll();
    const { refundId } = await refundByOperations(db, olga, order.id, {
      amountEuros: "20.00",
      reason: "Goodwill",
    });
    stripe.fake.failNext({ method: "POST", path: "/v1/refunds", mode: "after", times: 2 });
    await expect(sendRefund(db, refundId!)).rejects.toThrow();
    expect((await db.refund.findUniqueOrThrow({ where: { id: refundId! } })).status).toBe("PENDING");
    // The sweep a minute later completes it with the refund Stripe already made.
    await sendPendingRefunds(db, undefined, new Date(Date.now() + 120_000));
    const refund = await db.refund.findUniqueOrThrow({
      where: { id: refundId! },
      include: { creditNote: true },
    });
    const stripeRefunds = [...stripe.fake.state.refunds.values()].filter(
      (made) => made.metadata.refundId === refundId,
    );
    expect(stripeRefunds).toHaveLength(1);
    expect(refund).toMatchObject({ status: "SUCCEEDED", stripeRefundId: stripeRefunds[0]!.id });
    expect(refund.creditNote).toMatchObject({ kind: "CREDIT_NOTE", totalCents: 2000 });
    // Its webhooks arrive afterwards and change nothing.
    await stripe.fake.deliverAll();
    expect(await db.invoice.count({ where: { orderId: order.id, kind: "CREDIT_NOTE" } })).toBe(1);

    await expect(
      refundByOperations(db, olga, order.id, {
        amountEuros: String(order.totalCents / 100),
        reason: "Too much",
      }),
    ).rejects.toThrow(/At most .* is left to refund/);

    // Cancelling refunds everything that is left.
    const { refundId: rest } = await cancelOrder(db, olga, order.id, {
      reason: "Customer changed the design",
    });
    await sendRefund(db, rest!);
    const payment = await db.payment.findFirstOrThrow({
      where: { orderId: order.id, status: { not: "FAILED" } },
    });
    expect(payment).toMatchObject({ status: "REFUNDED", refundedCents: order.totalCents });
    expect(await ledgerOf(order.id)).toEqual({ BUYER: 0, VAT: 0, MARGIN: 0 });
    const check = await checkLedger(db);
    expect(check.differences.filter((difference) => difference.orderId === order.id)).toEqual([]);
  });

  it("refunds a payment that arrives after the order was cancelled", async () => {
    const { order } = await placeMillingOrder(db, "CARD");
    await startCardCheckout(db, anna, order.id);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    await cancelOrder(db, anna, order.id, { reason: "Ordered twice" });
    stripe.fake.completeCheckout(payment.stripeCheckoutSessionId!);
    await stripe.fake.deliverAll();
    const refunding = stripe.results.find((result) =>
      result.followUps.some((followUp) => followUp.kind === "send-refund"),
    );
    expect(refunding).toBeDefined();
    const refund = await db.refund.findFirstOrThrow({ where: { paymentId: payment.id } });
    expect(await sendRefund(db, refund.id)).toBe("refunded");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("REFUNDED");
  });

  it("credits invoice orders with credit notes, numbered without gaps, and voids a fully credited invoice", async () => {
    const { order } = await placeMillingOrder(db, "INVOICE");
    const invoice = await db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "BUYER_INVOICE" },
    });
    const first = await refundByOperations(db, olga, order.id, {
      amountEuros: "10",
      reason: "Late delivery",
    });
    expect(first.refundId).toBeNull();
    await cancelOrder(db, anna, order.id, { reason: "Project stopped" });
    const notes = await db.invoice.findMany({
      where: { orderId: order.id, kind: "CREDIT_NOTE" },
      orderBy: { number: "asc" },
    });
    expect(notes.map((note) => note.totalCents)).toEqual([1000, order.totalCents - 1000]);
    expect(notes.reduce((sum, note) => sum + note.vatCents, 0)).toBe(order.vatCents);
    const [a, b] = notes.map((note) => Number(note.number.slice(-6)));
    expect(b).toBe(a! + 1);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("VOID");
    expect(await ledgerOf(order.id)).toEqual({ BUYER: 0, VAT: 0, MARGIN: 0 });
  });

  it("switches card payment off without Stripe keys, with the reason, while invoices still work", async () => {
    const key = process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_SECRET_KEY;
    resetEnvCache();
    try {
      await expect(placeMillingOrder(db, "CARD")).rejects.toThrow(
        /Card payment is not offered at the moment/,
      );
      const { order } = await placeMillingOrder(db, "INVOICE");
      expect(order.status).toBe("CONFIRMED");
    } finally {
      process.env.STRIPE_SECRET_KEY = key;
      resetEnvCache();
    }
  });

  it("lists an invoice past its due day for operations until they record the bank payment", async () => {
    const { order } = await placeMillingOrder(db, "INVOICE");
    const invoice = await db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "BUYER_INVOICE" },
    });
    const afterDue = new Date(invoice.dueAt.getTime() + 3 * 86_400_000);
    expect((await loadPaymentsOverview(db, new Date())).overdueInvoices.map((row) => row.id)).not.toContain(
      invoice.id,
    );
    const overdue = (await loadPaymentsOverview(db, afterDue)).overdueInvoices.find(
      (row) => row.id === invoice.id,
    );
    expect(overdue).toMatchObject({ number: invoice.number, daysOverdue: expect.any(Number) });
    await expect(markInvoicePaid(db, olga, invoice.id, { paidOn: "yesterday" })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
    await markInvoicePaid(db, olga, invoice.id, { paidOn: "2026-11-20", reference: "SEPA in 4711" });
    expect((await loadPaymentsOverview(db, afterDue)).overdueInvoices.map((row) => row.id)).not.toContain(
      invoice.id,
    );
    await expect(markInvoicePaid(db, olga, invoice.id, { paidOn: "2026-11-20" })).rejects.toThrow(/not open/);
  });

  it("numbers documents uniquely and without gaps under concurrency and rollbacks", async () => {
    const year = 2031;
    const date = new Date(Date.UTC(year, 5, 1));
    await expect(
      db.$transaction(async (tx) => {
        await nextDocumentNumber(tx, "CN", date);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const numbers = await Promise.all(
      Array.from({ length: 12 }, () => db.$transaction((tx) => nextDocumentNumber(tx, "CN", date))),
    );
    expect(numbers.sort()).toEqual(
      Array.from({ length: 12 }, (_, index) => `CN-${year}-${String(index + 1).padStart(6, "0")}`),
    );
  });
});
