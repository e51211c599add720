import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { resetEnvCache } from "../../lib/env";
import { startCardCheckout } from "../../lib/payments/start-card-checkout";
import { stripeApiVersion } from "../../lib/payments/stripe-client";
import { sendRefund } from "../../lib/payments/send-refund";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, ledgerSums, placeMillingOrder, startStripeForTests } from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

// Issue 19, point 3 and point 6 (decision 0029): Checkout at the pinned API version, card by default,
// delayed methods (SEPA Direct Debit) handled end to end, orders over Checkout's line-item limit.

describe("Checkout payment methods and delayed payments", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;

  const emailsTo = (to: string, subject: RegExp) =>
    db.outboxEmail
      .findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } })
      .then((emails) => emails.filter((email) => subject.test(email.subject)));
  const paymentOf = (orderId: string) =>
    db.payment.findFirstOrThrow({ where: { orderId }, orderBy: { createdAt: "desc" } });
  const orderOf = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId } });

  /** A card order whose buyer pays by SEPA Direct Debit on Checkout; the events still undelivered. */
  async function debitedOrder(iban?: string) {
    const { order } = await placeMillingOrder(db, "CARD");
    await startCardCheckout(db, anna, order.id);
    const payment = await paymentOf(order.id);
    stripe.fake.completeCheckout(payment.stripeCheckoutSessionId!, { paymentMethod: "sepa_debit", iban });
    return { order, payment, sessionId: payment.stripeCheckoutSessionId! };
  }

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
    // Refunds here are card refunds Stripe confirms at once; waiting and failing ones: refunds.test.ts.
    stripe.fake.setRefundMode("succeed-at-once");
  });
  afterAll(async () => {
    await stripe.stop();
    await db.$disconnect();
  });
  beforeEach(async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    // Operations offer SEPA Direct Debit besides the card on this installation.
    process.env.STRIPE_CHECKOUT_PAYMENT_METHODS = "card,sepa_debit";
    resetEnvCache();
    await stripe.fake.deliverAll();
  });
  afterEach(() => {
    delete process.env.STRIPE_CHECKOUT_PAYMENT_METHODS;
    resetEnvCache();
  });

  it("pins the API version and asks Checkout for card payments only by default", async () => {
    delete process.env.STRIPE_CHECKOUT_PAYMENT_METHODS;
    resetEnvCache();
    expect(stripeApiVersion).toBe(Stripe.API_VERSION);
    const { order } = await placeMillingOrder(db, "CARD");
    await startCardCheckout(db, anna, order.id);
    const request = stripe.fake.requests.findLast((entry) => entry.path === "/v1/checkout/sessions")!;
    expect(request.stripeVersion).toBe(stripeApiVersion);
    expect(request.params.allowed_payment_method_types).toEqual({ "0": "card" });
    expect(request.params).not.toHaveProperty("payment_method_types");
    const session = stripe.fake.state.checkoutSessions.get(
      (await paymentOf(order.id)).stripeCheckoutSessionId!,
    )!;
    // The fake's Dashboard also has SEPA Direct Debit switched on: the filter keeps it off this session.
    expect(session.payment_method_types).toEqual(["card"]);
  });

  it("keeps an order waiting as 'payment processing' after an unpaid completion, and confirms it when the bank pays", async () => {
    const { order, payment, sessionId } = await debitedOrder();
    expect(stripe.fake.state.checkoutSessions.get(sessionId)).toMatchObject({
      status: "complete",
      payment_status: "unpaid",
    });
    await stripe.fake.deliverAll();

    expect(await paymentOf(order.id)).toMatchObject({ id: payment.id, status: "PROCESSING" });
    expect((await orderOf(order.id)).status).toBe("AWAITING_PAYMENT");
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(0);
    expect(await ledgerSums(db, order.id)).toEqual({});
    expect(await db.offer.count({ where: { orderLine: { orderId: order.id } } })).toBe(0);
    const completed = stripe.results.find((result) => result.type === "checkout.session.completed");
    expect(completed).toMatchObject({ outcome: "processed", followUps: [] });
    const processing = await emailsTo(anna.email, new RegExp(`Order ${order.number}: payment processing`));
    expect(processing).toHaveLength(1);
    expect(processing[0]!.text).toContain("has not confirmed it yet");
    expect(await emailsTo(anna.email, new RegExp(`Order ${order.number}: payment received`))).toEqual([]);
    // Paying again is refused honestly: processing, not "went through", and no second session.
    const again = await startCardCheckout(db, anna, order.id).catch((error: Error) => error);
    expect(again).toBeInstanceOf(Error);
    expect((again as Error).message).toMatch(/processing/);
    expect((again as Error).message).not.toMatch(/went through/);
    expect(await db.payment.count({ where: { orderId: order.id } })).toBe(1);

    stripe.results.length = 0;
    stripe.fake.settleCheckoutPayment(sessionId, "succeeded");
    await stripe.fake.deliverAll();
    expect(await paymentOf(order.id)).toMatchObject({ status: "SUCCEEDED" });
    expect((await orderOf(order.id)).status).toBe("CONFIRMED");
    expect(stripe.results.flatMap((result) => result.followUps)).toContainEqual({
      kind: "match-order",
      orderId: order.id,
    });
    expect(await ledgerSums(db, order.id)).toEqual({
      BUYER: order.totalCents,
      VAT: order.vatCents,
      MARGIN: order.subtotalCents,
    });
    expect(await emailsTo(anna.email, new RegExp(`Order ${order.number}: payment received`))).toHaveLength(1);
  });

  it("tells the buyer to pay again and operations when the bank refuses the debit; paying again opens a new session", async () => {
    const { order, payment, sessionId } = await debitedOrder("DE62 3704 0044 0532 0130 01");
    await stripe.fake.deliverAll();
    stripe.fake.settleCheckoutPayment(sessionId);
    await stripe.fake.deliverAll();

    expect(
      stripe.results.find((result) => result.type === "checkout.session.async_payment_failed"),
    ).toMatchObject({
      outcome: "processed",
    });
    expect(await paymentOf(order.id)).toMatchObject({ id: payment.id, status: "FAILED" });
    expect((await orderOf(order.id)).status).toBe("AWAITING_PAYMENT");
    const [told] = await emailsTo(anna.email, /did not go through/);
    expect(told?.subject).toBe(`Order ${order.number}: your payment did not go through`);
    expect(told?.text).toContain("Please pay again on the order page");
    expect(
      await emailsTo(
        "operations@instant-quote.example",
        new RegExp(`Order ${order.number}: delayed payment`),
      ),
    ).toHaveLength(1);
    expect(await db.auditLogEntry.count({ where: { entityId: payment.id, action: "payment.failed" } })).toBe(
      1,
    );

    const { url } = await startCardCheckout(db, anna, order.id);
    const retry = await paymentOf(order.id);
    expect(retry.id).not.toBe(payment.id);
    expect(retry.stripeCheckoutSessionId).not.toBe(sessionId);
    expect(url).toBe(stripe.fake.state.checkoutSessions.get(retry.stripeCheckoutSessionId!)!.url);
    stripe.fake.completeCheckout(retry.stripeCheckoutSessionId!);
    await stripe.fake.deliverAll();
    expect((await orderOf(order.id)).status).toBe("CONFIRMED");
  });

  it("takes the bank's answer before the completion event too (events in any order)", async () => {
    const { order, sessionId } = await debitedOrder();
    stripe.fake.settleCheckoutPayment(sessionId, "succeeded");
    const pending = stripe.fake.pendingEvents();
    const completed = pending.find((event) => event.type === "checkout.session.completed")!;
    const succeeded = pending.find((event) => event.type === "checkout.session.async_payment_succeeded")!;
    expect(await stripe.fake.deliver(succeeded.id)).toBe(200);
    expect(await stripe.fake.deliver(completed.id)).toBe(200);
    await stripe.fake.deliverAll();
    expect(await paymentOf(order.id)).toMatchObject({ status: "SUCCEEDED" });
    expect((await orderOf(order.id)).status).toBe("CONFIRMED");
    expect(await emailsTo(anna.email, new RegExp(`Order ${order.number}: payment processing`))).toEqual([]);
  });

  it("refunds a debit that arrives after the buyer cancelled the waiting order", async () => {
    const { order, payment, sessionId } = await debitedOrder();
    await stripe.fake.deliverAll();
    await cancelOrder(db, anna, order.id, { reason: "Ordered twice" });
    const [cancelled] = await emailsTo(anna.email, new RegExp(`Order ${order.number} is cancelled`));
    expect(cancelled?.text).toContain("still processing at your bank is refunded in full");
    stripe.fake.settleCheckoutPayment(sessionId, "succeeded");
    await stripe.fake.deliverAll();
    const refund = await db.refund.findFirstOrThrow({ where: { paymentId: payment.id } });
    expect(await sendRefund(db, refund.id)).toBe("refunded");
    expect((await orderOf(order.id)).status).toBe("CANCELLED");
  });

  it("pays an order with more lines than Checkout's 100 line items, grouped, to the cent", async () => {
    const { order, line } = await placeMillingOrder(db, "CARD");
    const { id: _id, createdAt, updatedAt: _updatedAt, ...columns } = line;
    // 120 lines with different prices: the first is the real one, 119 copies priced 10.01 € apart.
    await db.orderLine.createMany({
      data: Array.from({ length: 119 }, (_, index) => ({
        ...columns,
        totalPriceCents: 1001 * (index + 1) + 7,
        unitPriceCents: Math.round((1001 * (index + 1) + 7) / columns.quantity),
        createdAt: new Date(createdAt.getTime() + (index + 1) * 1000),
      })),
    });
    const lines = await db.orderLine.findMany({ where: { orderId: order.id } });
    expect(lines).toHaveLength(120);
    const subtotalCents = lines.reduce((sum, each) => sum + each.totalPriceCents, 0);
    const vatCents = Math.round(subtotalCents * 0.19);
    await db.order.update({
      where: { id: order.id },
      data: { subtotalCents, vatCents, totalCents: subtotalCents + vatCents },
    });
    const totalCents = subtotalCents + vatCents;

    await startCardCheckout(db, anna, order.id);
    const sessionId = (await paymentOf(order.id)).stripeCheckoutSessionId!;
    expect(stripe.fake.state.checkoutSessions.get(sessionId)!.amount_total).toBe(totalCents);
    const request = stripe.fake.requests.findLast((entry) => entry.path === "/v1/checkout/sessions")!;
    expect(Object.keys(request.params.line_items as object)).toHaveLength(100);
    stripe.fake.completeCheckout(sessionId);
    await stripe.fake.deliverAll();
    expect((await orderOf(order.id)).status).toBe("CONFIRMED");
    expect(await paymentOf(order.id)).toMatchObject({ status: "SUCCEEDED", amountCents: totalCents });
  });
});
