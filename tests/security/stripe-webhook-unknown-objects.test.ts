import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { errorResponseFor } from "../../lib/errors/error-response";
import { handleStripeWebhook } from "../../lib/payments/handle-stripe-webhook";
import { seedDatabase } from "../../prisma/seed";
import { signWebhookPayload } from "../fakes/stripe/sign-webhook-payload";
import { connectWebhookSecret, startStripeForTests, webhookSecret } from "../fixtures/money-fixtures";
import { createTestDatabase } from "../integration/setup/test-database";

/**
 * Events Stripe signs about objects that are not ours (another platform's Connect account, a payment
 * made outside the shop, a transfer we never made): the webhook must answer 2xx and change nothing, or
 * Stripe resends them for days and every resend costs a request to Stripe.
 */
describe("the Stripe webhook and objects we do not know (issue 16, item 12)", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
  });
  afterAll(async () => {
    await stripe.stop();
    await db.$disconnect();
  });

  /** Posts a signed event as Stripe would and answers the HTTP status the route would give. */
  async function deliver(type: string, object: Record<string, unknown>, connectAccount?: string) {
    const id = `evt_${randomUUID().replaceAll("-", "")}`;
    const body = JSON.stringify({
      id,
      object: "event",
      // Events about connected accounts name them and come to the Connect endpoint, with its secret.
      ...(connectAccount ? { account: connectAccount } : {}),
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      type,
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    });
    const status = await handleStripeWebhook(
      db,
      body,
      signWebhookPayload(body, connectAccount ? connectWebhookSecret : webhookSecret),
      new Date(),
      connectAccount ? "connect" : "platform",
    ).then(
      (result) => ({ status: 200, outcome: result.outcome }),
      (error: unknown) => ({ status: errorResponseFor(error).status, outcome: undefined }),
    );
    return { id, ...status };
  }

  const companiesState = () =>
    db.company.findMany({
      select: { id: true, stripeConnectAccountId: true, stripePayoutsEnabled: true, updatedAt: true },
      orderBy: { id: "asc" },
    });

  it("acknowledges account.updated for a Connect account of no partner without asking Stripe, and changes nothing", async () => {
    const before = await companiesState();
    const requestsBefore = stripe.fake.requests.length;
    const event = await deliver(
      "account.updated",
      {
        id: "acct_1NotOursAtAll",
        object: "account",
        payouts_enabled: true,
        capabilities: { transfers: "active" },
      },
      "acct_1NotOursAtAll",
    );
    expect(event).toMatchObject({ status: 200, outcome: "ignored" });
    expect(stripe.fake.requests.slice(requestsBefore)).toEqual([]);
    expect(await companiesState()).toEqual(before);
    // Recorded as seen, so a resend is a duplicate, still 200.
    expect(await db.stripeEvent.findUnique({ where: { id: event.id } })).not.toBeNull();
  });

  it.each([
    [
      "payment_intent.succeeded",
      { id: "pi_NotOurs", object: "payment_intent", amount_received: 1000, currency: "eur", metadata: {} },
    ],
    [
      "payment_intent.succeeded",
      {
        id: "pi_NotOurs2",
        object: "payment_intent",
        amount_received: 1000,
        currency: "eur",
        metadata: { paymentId: "no_such_payment" },
      },
    ],
    [
      "refund.updated",
      { id: "re_NotOurs", object: "refund", status: "succeeded", metadata: { refundId: "nope" } },
    ],
    ["refund.created", { id: "re_NotOurs2", object: "refund", status: "pending", metadata: {} }],
    ["checkout.session.expired", { id: "cs_NotOurs", object: "checkout.session", payment_status: "unpaid" }],
    ["transfer.created", { id: "tr_NotOurs", object: "transfer", amount: 500, currency: "eur" }],
    ["payout.paid", { id: "po_NotOurs", object: "payout" }],
  ])("acknowledges %s for an object we do not know", async (type, object) => {
    const payments = await db.payment.findMany({ orderBy: { id: "asc" } });
    const refunds = await db.refund.findMany({ orderBy: { id: "asc" } });
    const requestsBefore = stripe.fake.requests.length;
    expect(await deliver(type, object)).toMatchObject({ status: 200, outcome: "ignored" });
    expect(stripe.fake.requests.slice(requestsBefore)).toEqual([]);
    expect(await db.payment.findMany({ orderBy: { id: "asc" } })).toEqual(payments);
    expect(await db.refund.findMany({ orderBy: { id: "asc" } })).toEqual(refunds);
  });
});
