import { spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe/fake-stripe";

const secretKey = "sk_test_fake_stripe_integration";
const webhookSecret = "whsec_fake_stripe_integration";
const connectWebhookSecret = "whsec_fake_stripe_integration_connect";

type VerifiedEvent = ReturnType<Stripe["webhooks"]["constructEvent"]>;

interface ReceivedWebhook {
  rawBody: string;
  headers: http.IncomingHttpHeaders;
  /** Set when the SDK accepted the signature. */
  event: VerifiedEvent | null;
}

/** A webhook endpoint that verifies like the product's: 400 for a bad signature, 200 otherwise. */
async function startWebhookReceiver(stripe: Stripe, secret = webhookSecret, path = "/api/webhooks/stripe") {
  const received: ReceivedWebhook[] = [];
  const forcedStatuses: number[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      let event: VerifiedEvent | null = null;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          String(request.headers["stripe-signature"]),
          secret,
        );
      } catch {
        event = null;
      }
      received.push({ rawBody, headers: request.headers, event });
      response.writeHead(forcedStatuses.shift() ?? (event ? 200 : 400)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    received,
    /** The next answers, whatever the signature. */
    answerNext: (...statuses: number[]) => forcedStatuses.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function sdkFor(fake: FakeStripe, options: { maxNetworkRetries?: number } = {}) {
  return new Stripe(secretKey, {
    host: fake.host,
    port: fake.port,
    protocol: fake.protocol,
    maxNetworkRetries: options.maxNetworkRetries ?? 0,
    timeout: 3000,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the request to fail");
    },
    (error: unknown) => error,
  );
}

const sessionParams = {
  mode: "payment" as const,
  line_items: [
    {
      price_data: { currency: "eur", unit_amount: 1234, product_data: { name: "Bracket, aluminium 6082" } },
      quantity: 2,
    },
    { price_data: { currency: "eur", unit_amount: 500, product_data: { name: "Shipping" } }, quantity: 1 },
  ],
  customer_email: "buyer@example.com",
  client_reference_id: "order_42",
  metadata: { orderId: "order_42" },
  payment_intent_data: { metadata: { orderId: "order_42" }, transfer_group: "order_42" },
  success_url: "http://localhost:3100/orders/order_42/paid?session_id={CHECKOUT_SESSION_ID}",
  cancel_url: "http://localhost:3100/orders/order_42",
};

describe("the fake Stripe", () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let connectReceiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(new Stripe(secretKey));
    connectReceiver = await startWebhookReceiver(
      new Stripe(secretKey),
      connectWebhookSecret,
      "/api/webhooks/stripe-connect",
    );
    fake = await startFakeStripe({
      port: 0,
      webhookUrl: receiver.url,
      webhookSecret,
      connectWebhookUrl: connectReceiver.url,
      connectWebhookSecret,
    });
    stripe = sdkFor(fake);
    // Transfers without source_transaction draw on the available balance, as on Stripe (see
    // fake-stripe-balance.test.ts): give these tests money to move.
    fake.topUpBalance(1_000_000);
  });

  afterAll(async () => {
    await fake?.close();
    await receiver?.close();
    await connectReceiver?.close();
  });

  /** The webhooks that arrive while `action` runs and its automatic deliveries finish. */
  async function webhooksDuring(action: () => Promise<unknown>): Promise<ReceivedWebhook[]> {
    await fake.waitForWebhooks();
    const before = receiver.received.length;
    await action();
    await fake.waitForWebhooks();
    return receiver.received.slice(before);
  }

  async function onboardedAccount(name: string) {
    const account = await stripe.accounts.create({
      type: "express",
      country: "DE",
      email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`,
      business_type: "company",
      business_profile: { name },
      capabilities: { transfers: { requested: true } },
      metadata: { companyId: name },
    });
    fake.completeOnboarding(account.id);
    return account;
  }

  it("creates a checkout session with its line items' total and a payment page URL, and retrieves it", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams);

    expect(session).toMatchObject({
      object: "checkout.session",
      amount_subtotal: 2968,
      amount_total: 2968,
      currency: "eur",
      customer_email: "buyer@example.com",
      customer_details: null,
      client_reference_id: "order_42",
      metadata: { orderId: "order_42" },
      mode: "payment",
      payment_intent: null,
      payment_status: "unpaid",
      status: "open",
      livemode: false,
      url: `${fake.url}/pay/${session.id}`,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);
    expect(session.lastResponse.requestId).toMatch(/^req_/);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toEqual(session);
    const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(
      expanded.line_items?.data.map((item) => [item.description, item.quantity, item.amount_total]),
    ).toEqual([
      ["Bracket, aluminium 6082", 2, 2468],
      ["Shipping", 1, 500],
    ]);
  });

  it("refuses invalid checkout parameters with Stripe's messages", async () => {
    const noItems = await rejection(stripe.checkout.sessions.create({ ...sessionParams, line_items: [] }));
    expect(noItems).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(noItems).toMatchObject({ statusCode: 400, param: "line_items", code: "parameter_missing" });

    const badAmount = await rejection(
      stripe.checkout.sessions.create({
        ...sessionParams,
        line_items: [
          { price_data: { currency: "eur", unit_amount: 0, product_data: { name: "Free" } }, quantity: 1 },
        ],
      }),
    );
    expect(badAmount).toMatchObject({ param: "line_items[0][price_data][unit_amount]" });

    const unknown = await rejection(
      stripe.rawRequest("POST", "/v1/checkout/sessions", { mode: "payment", colour: "blue" }),
    );
    expect(unknown).toMatchObject({
      message: "Received unknown parameter: colour",
      code: "parameter_unknown",
    });

    const wrongKey = await rejection(
      new Stripe("sk_live_not_for_tests", {
        host: fake.host,
        port: fake.port,
        protocol: fake.protocol,
      }).checkout.sessions.retrieve("cs_test_x"),
    );
    expect(wrongKey).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(wrongKey).toMatchObject({ statusCode: 401 });
  });

  it("answers an unknown id with 404 resource_missing", async () => {
    const error = await rejection(stripe.paymentIntents.retrieve("pi_does_not_exist"));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "id",
      message: "No such payment_intent: 'pi_does_not_exist'",
    });
  });

  it("takes a payment on the hosted page, redirects to the success URL and posts signed webhooks in order", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams);
    const page = await fetch(session.url ?? "");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("<title>Pay Instant Quote</title>");
    expect(html).toContain("Bracket, aluminium 6082");
    expect(html).toContain("€29.68");
    expect(html).toContain('value="buyer@example.com"');
    expect(html).toContain("Pay €29.68</button>");
    expect(html).toContain('<label for="card-number">Card number</label>');

    let payment: Response | undefined;
    const webhooks = await webhooksDuring(async () => {
      payment = await fetch(`${fake.url}/pay/${session.id}`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({
          email: "buyer@example.com",
          card_number: "4242 4242 4242 4242",
          expiry: "12 / 34",
          cvc: "123",
          cardholder_name: "Ada Buyer",
        }),
      });
    });

    expect(payment?.status).toBe(303);
    expect(payment?.headers.get("location")).toBe(
      `http://localhost:3100/orders/order_42/paid?session_id=${session.id}`,
    );
    expect(webhooks.map((webhook) => webhook.event?.type)).toEqual([
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.completed",
    ]);
    for (const webhook of webhooks) {
      expect(webhook.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(webhook.headers["user-agent"]).toBe("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
      expect(webhook.event).toMatchObject({
        object: "event",
        api_version: Stripe.API_VERSION,
        livemode: false,
      });
    }

    const completed = await stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({
      status: "complete",
      payment_status: "paid",
      customer_details: { email: "buyer@example.com", name: "Ada Buyer" },
    });
    expect(webhooks[2]?.event?.data.object).toEqual(JSON.parse(JSON.stringify(completed)));
    const intent = await stripe.paymentIntents.retrieve(String(completed.payment_intent));
    expect(intent).toMatchObject({
      object: "payment_intent",
      amount: 2968,
      amount_received: 2968,
      currency: "eur",
      status: "succeeded",
      metadata: { orderId: "order_42" },
      transfer_group: "order_42",
    });
    expect(intent.latest_charge).toMatch(/^ch_/);
    expect(fake.state.charges.get(String(intent.latest_charge))).toMatchObject({
      paid: true,
      amount_refunded: 0,
    });

    const first = webhooks[0];
    expect(() =>
      stripe.webhooks.constructEvent(
        (first?.rawBody ?? "").replace('"amount": 2968', '"amount": 1'),
        String(first?.headers["stripe-signature"]),
        webhookSecret,
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(await fetch(`${fake.url}/pay/${session.id}`).then((response) => response.text())).toContain(
      "already paid",
    );
  });

  it("shows a declined card on the page again and reports payment_intent.payment_failed", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams);
    let html = "";
    const webhooks = await webhooksDuring(async () => {
      const response = await fetch(`${fake.url}/pay/${session.id}`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({
          email: "buyer@example.com",
          card_number: "4000 0000 0000 0002",
          expiry: "12 / 34",
          cvc: "123",
          cardholder_name: "",
        }),
      });
      expect(response.status).toBe(402);
      html = await response.text();
    });

    expect(html).toContain('role="alert">Your card was declined.</p>');
    expect(webhooks.map((webhook) => webhook.event?.type)).toEqual([
      "charge.failed",
      "payment_intent.payment_failed",
    ]);
    const intent = webhooks[1]?.event?.data.object as Stripe.PaymentIntent;
    expect(intent).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { message: "Your card was declined.", code: "card_declined" },
    });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: "open",
      payment_status: "unpaid",
    });
  });

  it("expires an open session with an event and refuses to expire a paid one", async () => {
    const open = await stripe.checkout.sessions.create(sessionParams);
    const webhooks = await webhooksDuring(() => stripe.checkout.sessions.expire(open.id));
    expect(webhooks.map((webhook) => webhook.event?.type)).toEqual(["checkout.session.expired"]);
    expect(await stripe.checkout.sessions.retrieve(open.id)).toMatchObject({ status: "expired", url: null });

    const paid = await stripe.checkout.sessions.create(sessionParams);
    fake.completeCheckout(paid.id);
    const error = await rejection(stripe.checkout.sessions.expire(paid.id));
    expect(error).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError" });
  });

  it("refunds part of a payment, refuses more than is left in Stripe's words, then refunds the rest", async () => {
    const session = await stripe.checkout.sessions.create({
      ...sessionParams,
      line_items: [
        { price_data: { currency: "eur", unit_amount: 1000, product_data: { name: "Part" } }, quantity: 1 },
      ],
    });
    const paymentIntent = String(fake.completeCheckout(session.id).payment_intent);

    const webhooks = await webhooksDuring(() =>
      stripe.refunds.create({ payment_intent: paymentIntent, amount: 400, metadata: { reason: "late" } }),
    );
    expect(webhooks.map((webhook) => webhook.event?.type)).toEqual(["refund.created", "charge.refunded"]);
    expect(webhooks[1]?.event?.data.object).toMatchObject({
      amount_refunded: 400,
      refunded: false,
      payment_intent: paymentIntent,
    });

    const tooMuch = await rejection(stripe.refunds.create({ payment_intent: paymentIntent, amount: 1200 }));
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({
      message: "Refund amount (€12.00) is greater than unrefunded amount on charge (€6.00)",
    });

    const rest = await stripe.refunds.create({ payment_intent: paymentIntent });
    expect(rest).toMatchObject({
      object: "refund",
      amount: 600,
      status: "pending",
      pending_reason: "processing",
      payment_intent: paymentIntent,
    });
    expect(await stripe.refunds.retrieve(rest.id)).toEqual(rest);
    expect(fake.state.charges.get(rest.charge as string)).toMatchObject({
      amount_refunded: 1000,
      refunded: true,
    });
  });

  it("keeps refunds pending until the card network answers: succeeded, or failed with Stripe's reason and the amount back on the charge", async () => {
    const session = await stripe.checkout.sessions.create({
      ...sessionParams,
      line_items: [
        { price_data: { currency: "eur", unit_amount: 5000, product_data: { name: "Part" } }, quantity: 1 },
      ],
    });
    const paymentIntent = String(fake.completeCheckout(session.id).payment_intent);
    const first = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 1000 });
    const second = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 3000 });
    expect([first.status, second.status]).toEqual(["pending", "pending"]);

    const succeeded = await webhooksDuring(async () => fake.settleRefund(first.id, { status: "succeeded" }));
    expect(succeeded.map((webhook) => webhook.event?.type)).toEqual(["refund.updated"]);
    expect(succeeded[0]?.event?.data).toMatchObject({
      object: { id: first.id, status: "succeeded" },
      previous_attributes: { status: "pending", pending_reason: "processing" },
    });

    const failed = await webhooksDuring(async () =>
      fake.settleRefund(second.id, { status: "failed", failureReason: "expired_or_canceled_card" }),
    );
    expect(failed.map((webhook) => webhook.event?.type)).toEqual(["refund.updated", "refund.failed"]);
    const failedRefund = await stripe.refunds.retrieve(second.id);
    expect(failedRefund).toMatchObject({ status: "failed", failure_reason: "expired_or_canceled_card" });
    expect(failedRefund.failure_balance_transaction).toMatch(/^txn_/);
    // The failed amount can be refunded again.
    expect(fake.state.charges.get(first.charge as string)).toMatchObject({ amount_refunded: 1000 });
    await stripe.refunds.create({ payment_intent: paymentIntent, amount: 4000 });

    // A refund reported succeeded can still come back from the issuer; a settled one goes no further back.
    const bounced = fake.settleRefund(first.id, { status: "failed", failureReason: "lost_or_stolen_card" });
    expect(bounced).toMatchObject({ status: "failed", failure_reason: "lost_or_stolen_card" });
    expect(() => fake.settleRefund(first.id, { status: "succeeded" })).toThrow(/cannot move refund/);

    fake.setRefundMode("succeed-at-once");
    try {
      const instant = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 500 });
      expect(instant.status).toBe("succeeded");
    } finally {
      fake.setRefundMode("pending");
    }
  });

  it("onboards a connected account through its account link and only then accepts transfers to it", async () => {
    const account = await stripe.accounts.create({
      type: "express",
      country: "DE",
      email: "workshop@example.com",
      business_type: "company",
      business_profile: { name: "Fräserei Müller" },
      capabilities: { transfers: { requested: true } },
      metadata: { companyId: "company_7" },
    });
    expect(account).toMatchObject({
      details_submitted: false,
      charges_enabled: false,
      payouts_enabled: false,
      capabilities: { transfers: "inactive" },
    });
    expect(account.requirements?.currently_due).toContain("external_account");

    const refused = await rejection(
      stripe.transfers.create({
        amount: 1000,
        currency: "eur",
        destination: account.id,
        transfer_group: "order_7",
      }),
    );
    expect(refused).toMatchObject({
      statusCode: 400,
      message:
        "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
    });

    const link = await stripe.accountLinks.create({
      account: account.id,
      refresh_url: "http://localhost:3100/supplier/payouts/refresh",
      return_url: "http://localhost:3100/supplier/payouts/done",
      type: "account_onboarding",
    });
    expect(link.url).toMatch(new RegExp(`^${fake.url}/connect/onboarding/${account.id}\\?`));
    const page = await fetch(link.url).then((response) => response.text());
    expect(page).toContain("Set up payouts for Fräserei Müller");
    expect(page).toContain("Agree and submit</button>");

    expect(page).toContain("Save and finish later</button>");

    // Leaving the page unfinished returns to return_url as Stripe does, with the account still pending.
    const leftLink = await stripe.accountLinks.create({
      account: account.id,
      refresh_url: "http://localhost:3100/supplier/payouts/refresh",
      return_url: "http://localhost:3100/supplier/payouts/done",
      type: "account_onboarding",
    });
    const left = await fetch(`${fake.url}/connect/onboarding/${account.id}`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ link: new URL(leftLink.url).searchParams.get("link") ?? "", leave: "1" }),
    });
    expect(left.headers.get("location")).toBe("http://localhost:3100/supplier/payouts/done");
    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({
      details_submitted: false,
      payouts_enabled: false,
      requirements: { currently_due: expect.arrayContaining(["external_account"]) },
    });

    const token = new URL(link.url).searchParams.get("link") ?? "";
    let submitted: Response | undefined;
    const connectBefore = connectReceiver.received.length;
    const webhooks = await webhooksDuring(async () => {
      submitted = await fetch(`${fake.url}/connect/onboarding/${account.id}`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ link: token }),
      });
    });
    expect(submitted?.status).toBe(303);
    expect(submitted?.headers.get("location")).toBe("http://localhost:3100/supplier/payouts/done");
    // Events about a connected account go only to the Connect endpoint, signed with its own secret.
    expect(webhooks).toEqual([]);
    const connectWebhooks = connectReceiver.received.slice(connectBefore);
    expect(connectWebhooks.map((webhook) => webhook.event?.type)).toEqual(["account.updated"]);
    expect(connectWebhooks[0]?.event?.account).toBe(account.id);
    expect(() =>
      new Stripe(secretKey).webhooks.constructEvent(
        connectWebhooks[0]!.rawBody,
        String(connectWebhooks[0]!.headers["stripe-signature"]),
        webhookSecret,
      ),
    ).toThrow();
    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      capabilities: { transfers: "active" },
      requirements: { currently_due: [] },
    });

    const transfer = await stripe.transfers.create({
      amount: 1000,
      currency: "eur",
      destination: account.id,
      transfer_group: "order_7",
      metadata: { jobId: "job_1" },
    });
    expect(transfer).toMatchObject({
      object: "transfer",
      amount: 1000,
      reversed: false,
      destination: account.id,
    });
    const other = await onboardedAccount("Other workshop");
    await stripe.transfers.create({
      amount: 300,
      currency: "eur",
      destination: other.id,
      transfer_group: "order_8",
    });
    const second = await stripe.transfers.create({
      amount: 250,
      currency: "eur",
      destination: other.id,
      transfer_group: "order_7",
    });
    const listed = await stripe.transfers.list({ transfer_group: "order_7", limit: 10 });
    expect(listed.data.map((item) => item.id)).toEqual([second.id, transfer.id]);
    expect(listed.has_more).toBe(false);
    expect(await stripe.transfers.retrieve(transfer.id)).toEqual(transfer);

    const unknown = await rejection(
      stripe.transfers.create({ amount: 1, currency: "eur", destination: "acct_1NoSuchAccount" }),
    );
    expect(unknown).toMatchObject({ code: "resource_missing", param: "destination" });
    // Account links are single-use: a second visit goes to refresh_url for a new one.
    const reused = await fetch(link.url, { redirect: "manual" });
    expect(reused.headers.get("location")).toBe("http://localhost:3100/supplier/payouts/refresh");
  });

  it("replays an idempotent request without a second transfer or event, and refuses the key with other parameters", async () => {
    const account = await onboardedAccount("Idempotent workshop");
    const params = { amount: 700, currency: "eur", destination: account.id, transfer_group: "order_idem" };

    const webhooks = await webhooksDuring(async () => {
      const first = await stripe.transfers.create(params, { idempotencyKey: "payout-idem-1" });
      const again = await stripe.transfers.create(params, { idempotencyKey: "payout-idem-1" });
      expect(again.id).toBe(first.id);
      expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    });

    expect(webhooks.map((webhook) => webhook.event?.type)).toEqual(["transfer.created"]);
    expect([...fake.state.transfers.values()].filter((t) => t.transfer_group === "order_idem")).toHaveLength(
      1,
    );
    const mismatch = await rejection(
      stripe.transfers.create({ ...params, amount: 701 }, { idempotencyKey: "payout-idem-1" }),
    );
    expect(mismatch).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(mismatch).toMatchObject({
      statusCode: 400,
      message:
        "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'payout-idem-1' if you meant to execute a different request.",
    });
  });

  it("fails a request before acting: the SDK throws an API error and nothing is created", async () => {
    const account = await onboardedAccount("Unlucky workshop");
    fake.failNext({ method: "POST", path: "/v1/transfers", mode: "before" });
    const webhooks = await webhooksDuring(async () => {
      const error = await rejection(
        stripe.transfers.create({
          amount: 100,
          currency: "eur",
          destination: account.id,
          transfer_group: "order_before",
        }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
      expect(error).toMatchObject({ statusCode: 500 });
    });
    expect(webhooks).toEqual([]);
    expect([...fake.state.transfers.values()].filter((t) => t.transfer_group === "order_before")).toEqual([]);
  });

  it("fails a request after acting: the SDK sees a lost connection, and a retry with the same key gets the transfer", async () => {
    const account = await onboardedAccount("Crashing workshop");
    const params = { amount: 900, currency: "eur", destination: account.id, transfer_group: "order_after" };
    // Twice: the SDK retries a reset connection once on its own, even with maxNetworkRetries 0.
    fake.failNext({ method: "POST", path: /^\/v1\/transfers$/, mode: "after", times: 2 });

    const error = await rejection(stripe.transfers.create(params, { idempotencyKey: "payout-after-1" }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    const created = [...fake.state.transfers.values()].filter((t) => t.transfer_group === "order_after");
    expect(created).toHaveLength(1);

    const retried = await stripe.transfers.create(params, { idempotencyKey: "payout-after-1" });
    expect(retried.id).toBe(created[0]?.id);
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const calls = fake.requests.filter((request) => request.idempotencyKey === "payout-after-1");
    expect(calls.map((call) => [call.status, call.replayed])).toEqual([
      [null, false],
      [null, true],
      [200, true],
    ]);
    await fake.waitForWebhooks();
    expect(
      fake.events.filter((event) => event.type === "transfer.created" && event.data.object.id === retried.id),
    ).toHaveLength(1);
  });

  it("retries a webhook the endpoint refuses and records each attempt", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams);
    receiver.answerNext(500);
    const webhooks = await webhooksDuring(() => stripe.checkout.sessions.expire(session.id));
    expect(webhooks.map((webhook) => webhook.event?.type)).toEqual([
      "checkout.session.expired",
      "checkout.session.expired",
    ]);
    const eventId = webhooks[0]?.event?.id;
    expect(
      fake.deliveries.filter((delivery) => delivery.eventId === eventId).map((d) => [d.attempt, d.status]),
    ).toEqual([
      [1, 500],
      [2, 200],
    ]);
  });
});

describe("the fake Stripe with manual webhook delivery", () => {
  let fake: FakeStripe;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(new Stripe(secretKey));
    fake = await startFakeStripe({ webhookUrl: receiver.url, webhookSecret, webhookDelivery: "manual" });
  });

  afterAll(async () => {
    await fake?.close();
    await receiver?.close();
  });

  it("queues events until a test delivers them, signed with the endpoint's secret or another one", async () => {
    const stripe = sdkFor(fake);
    const session = await stripe.checkout.sessions.create(sessionParams);
    fake.completeCheckout(session.id, { name: "Manual Buyer" });
    const pending = fake.pendingEvents();
    expect(pending.map((event) => event.type)).toEqual([
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.completed",
    ]);
    expect(receiver.received).toEqual([]);

    const [first] = pending;
    expect(await fake.deliver(first?.id ?? "", { secret: "whsec_someone_else" })).toBe(400);
    expect(await fake.deliver(first?.id ?? "", { tamper: true })).toBe(400);
    expect(receiver.received.map((webhook) => webhook.event)).toEqual([null, null]);
    expect(fake.pendingEvents()).toHaveLength(3);

    expect(await fake.deliver(first?.id ?? "")).toBe(200);
    expect(await fake.deliverAll()).toEqual([
      { eventId: pending[1]?.id, status: 200 },
      { eventId: pending[2]?.id, status: 200 },
    ]);
    expect(fake.pendingEvents()).toEqual([]);
    expect(receiver.received.slice(2).map((webhook) => webhook.event?.type)).toEqual(
      pending.map((e) => e.type),
    );
    expect(fake.deliveries.map((delivery) => delivery.status)).toEqual([400, 400, 200, 200, 200]);
  });
});

describe("the fake Stripe's command-line server", () => {
  it("answers /health on the port from its environment and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve(import.meta.dirname, "../fakes/stripe/serve-fake-stripe.ts")],
      { env: { ...process.env, FAKE_STRIPE_PORT: "0", STRIPE_WEBHOOK_SECRET: webhookSecret }, stdio: "pipe" },
    );
    try {
      let output = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code} before listening: ${output}`)));
      });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      expect((await exited)[0]).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
