import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe/fake-stripe";

// The fake's Checkout at the pinned API version (decision 0029): which payment methods a session
// offers, the parameters that version refuses, the line-item limit, and delayed methods that complete
// unpaid and settle later.

const secretKey = "sk_test_fake_checkout_methods";
const webhookSecret = "whsec_fake_checkout_methods";

const baseParams = {
  mode: "payment" as const,
  line_items: [
    { price_data: { currency: "eur", unit_amount: 11_900, product_data: { name: "Bracket" } }, quantity: 1 },
  ],
  customer_email: "buyer@example.com",
  metadata: { orderId: "order_7" },
  payment_intent_data: { metadata: { orderId: "order_7" } },
  success_url: "http://localhost:3100/orders/order_7?payment=returned",
  cancel_url: "http://localhost:3100/orders/order_7?payment=cancelled",
};

async function errorOf(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  return promise.then(
    () => {
      throw new Error("expected Stripe to refuse the request");
    },
    (error: unknown) => error as Stripe.errors.StripeError,
  );
}

describe("the fake Stripe's Checkout payment methods", () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let server: http.Server;
  const received: Stripe.Event[] = [];

  beforeAll(async () => {
    const verifier = new Stripe(secretKey);
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push(
          verifier.webhooks.constructEvent(
            Buffer.concat(chunks).toString("utf8"),
            String(request.headers["stripe-signature"]),
            webhookSecret,
          ),
        );
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    fake = await startFakeStripe({ port: 0, webhookUrl, webhookSecret });
    stripe = new Stripe(secretKey, {
      host: fake.host,
      port: fake.port,
      protocol: fake.protocol,
      maxNetworkRetries: 0,
    });
  });
  afterAll(async () => {
    await fake?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function eventsDuring(action: () => unknown): Promise<Stripe.Event[]> {
    await fake.waitForWebhooks();
    const before = received.length;
    await action();
    await fake.waitForWebhooks();
    return received.slice(before);
  }

  it("refuses payment_method_types at the SDK's API version in Stripe's error shape, and takes it on an older one", async () => {
    const legacy = { ...baseParams, payment_method_types: ["card"] } as Stripe.Checkout.SessionCreateParams;
    const error = await errorOf(stripe.checkout.sessions.create(legacy));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      type: "StripeInvalidRequestError",
      code: "payment_method_types_no_longer_supported",
      param: "payment_method_types",
    });
    expect(fake.requests.at(-1)?.stripeVersion).toBe(Stripe.API_VERSION);
    // 2026-08-26.dahlia still took the explicit list: the version the request names decides.
    const old = await stripe.checkout.sessions.create(legacy, { apiVersion: "2026-08-26.dahlia" });
    expect(old.payment_method_types).toEqual(["card"]);
  });

  it("offers the Dashboard's methods by default and filters them with allowed_payment_method_types", async () => {
    const dynamic = await stripe.checkout.sessions.create(baseParams);
    expect(dynamic.payment_method_types).toEqual(["card", "sepa_debit"]);
    expect(dynamic.allowed_payment_method_types).toBeNull();
    const cardOnly = await stripe.checkout.sessions.create({
      ...baseParams,
      allowed_payment_method_types: ["card", "ideal"],
    });
    // Silently drops what the account does not offer.
    expect(cardOnly).toMatchObject({
      payment_method_types: ["card"],
      allowed_payment_method_types: ["card", "ideal"],
    });
    const excluded = await stripe.checkout.sessions.create({
      ...baseParams,
      excluded_payment_method_types: ["sepa_debit"],
    });
    expect(excluded.payment_method_types).toEqual(["card"]);
    // SEPA Direct Debit takes euros only.
    const dollars = await stripe.checkout.sessions.create({
      ...baseParams,
      line_items: [
        {
          price_data: { currency: "usd", unit_amount: 5000, product_data: { name: "Bracket" } },
          quantity: 1,
        },
      ],
    });
    expect(dollars.payment_method_types).toEqual(["card"]);
  });

  it("refuses allowed_payment_method_types together with excluded_payment_method_types", async () => {
    const error = await errorOf(
      stripe.checkout.sessions.create({
        ...baseParams,
        allowed_payment_method_types: ["card"],
        excluded_payment_method_types: ["sepa_debit"],
      }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: "parameters_exclusive" });
  });

  it("takes at most 100 line items in payment mode", async () => {
    const items = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        price_data: {
          currency: "eur",
          unit_amount: 100 + index,
          product_data: { name: `Part ${index + 1}` },
        },
        quantity: 1,
      }));
    const full = await stripe.checkout.sessions.create({ ...baseParams, line_items: items(100) });
    expect(full.amount_total).toBe(100 * 100 + (99 * 100) / 2);
    const error = await errorOf(stripe.checkout.sessions.create({ ...baseParams, line_items: items(101) }));
    expect(error).toMatchObject({ statusCode: 400, param: "line_items", code: "parameter_invalid" });
  });

  it("completes a SEPA Direct Debit session unpaid, then the bank confirms it: async_payment_succeeded", async () => {
    const session = await stripe.checkout.sessions.create(baseParams);
    const page = await fetch(session.url ?? "").then((response) => response.text());
    expect(page).toContain("SEPA Direct Debit");
    let answer: Response | undefined;
    const completion = await eventsDuring(async () => {
      answer = await fetch(`${fake.url}/pay/${session.id}`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({
          email: "buyer@example.com",
          payment_method: "sepa_debit",
          iban: "DE89 3704 0044 0532 0130 00",
          account_holder: "Acme Robotics GmbH",
          // The card fields come along, prefilled; the chosen method decides.
          card_number: "4242 4242 4242 4242",
          expiry: "12 / 34",
          cvc: "123",
        }),
      });
    });
    expect(answer?.status).toBe(303);
    expect(answer?.headers.get("location")).toBe(baseParams.success_url);
    expect(completion.map((event) => event.type)).toEqual([
      "charge.pending",
      "payment_intent.processing",
      "checkout.session.completed",
    ]);
    expect(completion[2]?.data.object).toMatchObject({ status: "complete", payment_status: "unpaid" });
    const retrieved = await stripe.checkout.sessions.retrieve(session.id);
    const intent = await stripe.paymentIntents.retrieve(String(retrieved.payment_intent));
    expect(intent).toMatchObject({ status: "processing", amount_received: 0 });
    expect(await fetch(session.url ?? "").then((response) => response.text())).toContain(
      "This payment is processing",
    );

    const settled = await eventsDuring(() => fake.settleCheckoutPayment(session.id));
    expect(settled.map((event) => event.type)).toEqual([
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.async_payment_succeeded",
    ]);
    expect(settled[2]?.data.object).toMatchObject({ id: session.id, payment_status: "paid" });
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({
      status: "succeeded",
      amount_received: 11_900,
    });
    expect(() => fake.settleCheckoutPayment(session.id)).toThrow(/no delayed payment waiting/);
  });

  it("lets a debit from the failing test IBAN fail later: async_payment_failed, the session still unpaid", async () => {
    const session = await stripe.checkout.sessions.create(baseParams);
    fake.completeCheckout(session.id, { paymentMethod: "sepa_debit", iban: "DE62 3704 0044 0532 0130 01" });
    await fake.waitForWebhooks();
    // Playwright's route to the same answer: the fake's control endpoint.
    const events = await eventsDuring(() =>
      fetch(`${fake.url}/_fake/settle-checkout-payment`, {
        method: "POST",
        body: JSON.stringify({ sessionId: session.id }),
      }),
    );
    expect(events.map((event) => event.type)).toEqual([
      "charge.failed",
      "payment_intent.payment_failed",
      "checkout.session.async_payment_failed",
    ]);
    expect(events[2]?.data.object).toMatchObject({ status: "complete", payment_status: "unpaid" });
    const intent = await stripe.paymentIntents.retrieve(
      String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent),
    );
    expect(intent.status).toBe("requires_payment_method");
    const refund = await errorOf(stripe.refunds.create({ payment_intent: intent.id }));
    expect(refund.message).toMatch(/does not have a successful charge/);
  });

  it("does not offer SEPA Direct Debit on a card-only session", async () => {
    const session = await stripe.checkout.sessions.create({
      ...baseParams,
      allowed_payment_method_types: ["card"],
    });
    expect(await fetch(session.url ?? "").then((response) => response.text())).not.toContain("SEPA");
    const page = await fetch(`${fake.url}/pay/${session.id}`, {
      method: "POST",
      body: new URLSearchParams({
        email: "buyer@example.com",
        payment_method: "sepa_debit",
        iban: "DE89370400440532013000",
        account_holder: "Acme",
      }),
    });
    expect(page.status).toBe(402);
    expect(await page.text()).toContain("SEPA Direct Debit is not offered");
  });
});
