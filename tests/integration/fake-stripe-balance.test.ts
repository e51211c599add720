import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe/fake-stripe";

const secretKey = "sk_test_fake_stripe_balance";
const day = 24 * 60 * 60;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the request to fail");
    },
    (error: unknown) => error,
  );
}

describe("the fake Stripe's platform balance", () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let accountId: string;

  beforeAll(async () => {
    fake = await startFakeStripe({
      port: 0,
      webhookSecret: "whsec_balance",
      webhookDelivery: "manual",
      chargeAvailableAfterSeconds: 2 * day,
    });
    stripe = new Stripe(secretKey, {
      host: fake.host,
      port: fake.port,
      protocol: fake.protocol,
      maxNetworkRetries: 0,
    });
    const account = await stripe.accounts.create({
      type: "express",
      country: "DE",
      capabilities: { transfers: { requested: true } },
    });
    fake.completeOnboarding(account.id);
    accountId = account.id;
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** A paid Checkout session of `cents` and its charge. */
  async function paidCharge(cents: number, cardNumber?: string) {
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        { price_data: { currency: "eur", unit_amount: cents, product_data: { name: "Part" } }, quantity: 1 },
      ],
      success_url: "http://localhost:3100/done",
    });
    const paid = fake.completeCheckout(session.id, { cardNumber });
    const intent = await stripe.paymentIntents.retrieve(paid.payment_intent!);
    return intent.latest_charge as string;
  }

  const eur = (balance: Stripe.Balance, kind: "available" | "pending") =>
    balance[kind].find((entry) => entry.currency === "eur")?.amount ?? 0;

  it("keeps a card charge pending until it settles, and refuses a transfer from the available balance with balance_insufficient meanwhile", async () => {
    const before = await stripe.balance.retrieve();
    await paidCharge(10_000);
    const afterCharge = await stripe.balance.retrieve();
    expect(eur(afterCharge, "pending") - eur(before, "pending")).toBe(10_000);
    expect(eur(afterCharge, "available")).toBe(eur(before, "available"));

    const refused = await rejection(
      stripe.transfers.create({ amount: 5_000, currency: "eur", destination: accountId }),
    );
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused).toMatchObject({ statusCode: 400, code: "balance_insufficient" });
    expect((refused as Error).message).toMatch(/insufficient available funds/);
    expect([...fake.state.transfers.values()]).toHaveLength(0);

    // Two days later the funds are available and the same transfer goes through.
    fake.advanceTime(2 * day + 1);
    const settled = await stripe.balance.retrieve();
    expect(eur(settled, "available") - eur(before, "available")).toBe(10_000);
    expect(eur(settled, "pending")).toBe(eur(before, "pending"));
    const transfer = await stripe.transfers.create({
      amount: 5_000,
      currency: "eur",
      destination: accountId,
    });
    expect(transfer.source_transaction).toBeNull();
    expect(eur(await stripe.balance.retrieve(), "available") - eur(before, "available")).toBe(5_000);
  });

  it("funds a transfer from its source_transaction's pending funds, up to the charge's amount, in its currency", async () => {
    const chargeId = await paidCharge(8_000);
    const before = await stripe.balance.retrieve();
    const first = await stripe.transfers.create({
      amount: 6_000,
      currency: "eur",
      destination: accountId,
      source_transaction: chargeId,
    });
    expect(first.source_transaction).toBe(chargeId);
    const after = await stripe.balance.retrieve();
    expect(eur(before, "pending") - eur(after, "pending")).toBe(6_000);
    expect(eur(after, "available")).toBe(eur(before, "available"));

    const tooMuch = await rejection(
      stripe.transfers.create({
        amount: 2_001,
        currency: "eur",
        destination: accountId,
        source_transaction: chargeId,
      }),
    );
    expect(tooMuch).toMatchObject({ statusCode: 400, param: "amount" });
    const otherCurrency = await rejection(
      stripe.transfers.create({
        amount: 100,
        currency: "usd",
        destination: accountId,
        source_transaction: chargeId,
      }),
    );
    expect(otherCurrency).toMatchObject({ statusCode: 400, param: "currency" });
    const unknown = await rejection(
      stripe.transfers.create({
        amount: 100,
        currency: "eur",
        destination: accountId,
        source_transaction: "ch_3NoSuchCharge",
      }),
    );
    expect(unknown).toMatchObject({ code: "resource_missing", param: "source_transaction" });
    // The rest of the charge may still go, in a second transfer.
    await stripe.transfers.create({
      amount: 2_000,
      currency: "eur",
      destination: accountId,
      source_transaction: chargeId,
    });
  });

  it("refuses a declined charge as source_transaction", async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        { price_data: { currency: "eur", unit_amount: 900, product_data: { name: "Part" } }, quantity: 1 },
      ],
      success_url: "http://localhost:3100/done",
    });
    const declined = fake.completeCheckout(session.id, { cardNumber: "4000 0000 0000 0002" });
    const intent = await stripe.paymentIntents.retrieve(declined.payment_intent!);
    const refused = await rejection(
      stripe.transfers.create({
        amount: 100,
        currency: "eur",
        destination: accountId,
        source_transaction: intent.latest_charge as string,
      }),
    );
    expect(refused).toMatchObject({ statusCode: 400, param: "source_transaction" });
  });

  it("puts a 4000 0000 0000 0077 charge and a top-up straight into the available balance", async () => {
    const before = await stripe.balance.retrieve();
    await paidCharge(1_500, "4000 0000 0000 0077");
    fake.topUpBalance(500);
    const after = await stripe.balance.retrieve();
    expect(eur(after, "available") - eur(before, "available")).toBe(2_000);
    expect(eur(after, "pending")).toBe(eur(before, "pending"));
  });

  it("reverses a transfer in parts, returns the money to the available balance and reports transfer.reversed each time", async () => {
    fake.topUpBalance(3_000);
    const transfer = await stripe.transfers.create({
      amount: 3_000,
      currency: "eur",
      destination: accountId,
      transfer_group: "order_reversed",
    });
    const before = await stripe.balance.retrieve();
    const part = await stripe.transfers.createReversal(transfer.id, { amount: 1_000 });
    expect(part).toMatchObject({ object: "transfer_reversal", amount: 1_000, transfer: transfer.id });
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({
      amount_reversed: 1_000,
      reversed: false,
    });
    const tooMuch = await rejection(stripe.transfers.createReversal(transfer.id, { amount: 2_001 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, param: "amount" });
    await stripe.transfers.createReversal(transfer.id);
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({
      amount_reversed: 3_000,
      reversed: true,
    });
    expect(eur(await stripe.balance.retrieve(), "available") - eur(before, "available")).toBe(3_000);
    const again = await rejection(stripe.transfers.createReversal(transfer.id));
    expect(again).toMatchObject({ statusCode: 400, code: "transfer_already_reversed" });

    const reversedEvents = fake.events.filter(
      (event) => event.type === "transfer.reversed" && event.data.object.id === transfer.id,
    );
    expect(reversedEvents.map((event) => event.data.object.amount_reversed)).toEqual([1_000, 3_000]);
    expect(reversedEvents[0]!.data.previous_attributes).toEqual({ amount_reversed: 0, reversed: false });
  });
});
