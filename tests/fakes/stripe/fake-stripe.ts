import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createStripeLedger, type FakeStripeState } from "./create-stripe-ledger";
import { createEventRouter } from "./create-event-router";
import type { DeliverOptions, WebhookDelivery, WebhookDeliveryMode } from "./create-webhook-outbox";
import { escapeHtml } from "./escape-html";
import { ParamReader } from "./param-reader";
import { parseFormBody, type FormObject, type FormValue } from "./parse-form-body";
import { randomId } from "./random-id";
import { renderCheckoutPage } from "./render-checkout-page";
import { renderHostedPage } from "./render-hosted-page";
import { renderOnboardingPage } from "./render-onboarding-page";
import { StripeApiError } from "./stripe-api-error";
import type { RefundMode, RefundSettlement } from "./settle-refund";
import type { Account, Balance, CheckoutSession, Refund, StripeEvent, StripeObject } from "./stripe-objects";

export type { FakeStripeState } from "./create-stripe-ledger";
export type { DeliverOptions, WebhookDelivery, WebhookDeliveryMode } from "./create-webhook-outbox";
export type * from "./stripe-objects";
export type { RefundMode, RefundSettlement } from "./settle-refund";

/** The API version the installed SDK (stripe 23.1.0) sends, stamped on every event. */
export const fakeStripeApiVersion = "2026-10-28.endive";

export interface FakeStripeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where events are POSTed, e.g. http://localhost:3100/api/webhooks/stripe. */
  webhookUrl?: string;
  /** The endpoint's signing secret (whsec_…), the product's STRIPE_WEBHOOK_SECRET. */
  webhookSecret: string;
  /** Where events about connected accounts (with `account`) are POSTed: the Connect endpoint. */
  connectWebhookUrl?: string;
  /** The Connect endpoint's own signing secret, the product's STRIPE_CONNECT_WEBHOOK_SECRET. */
  connectWebhookSecret?: string;
  /** "auto" (default) posts events after the response that caused them; "manual" waits for deliver(). */
  webhookDelivery?: WebhookDeliveryMode;
  /** Automatic delivery: 3 attempts 100 ms apart, 5 s for an answer, unless told otherwise. */
  webhookRetry?: { attempts?: number; delayMs?: number; timeoutMs?: number };
  /** The business named on the hosted pages ("Pay Instant Quote"). */
  merchantName?: string;
  /** Seconds a card charge stays pending before its funds are available; 7 days unless told otherwise. */
  chargeAvailableAfterSeconds?: number;
  /** Receives one line per request and webhook attempt, for a command-line server's output. */
  log?: (line: string) => void;
  /** New refunds wait as `pending` until `settleRefund` (the default), or succeed at once. */
  refunds?: RefundMode;
}

export interface FailureRule {
  /** Any method when left out. */
  method?: string;
  /** The exact path ("/v1/transfers") or a pattern tested against it. */
  path: string | RegExp;
  /**
   * "before": answer 500 api_error and do nothing. "after": do everything (objects, events, idempotent
   * result) and then destroy the connection unanswered, as if Stripe acted and the answer was lost.
   */
  mode: "before" | "after";
  /** How many matching requests fail; 1 unless told otherwise. */
  times?: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  params: FormObject;
  idempotencyKey: string | null;
  requestId: string;
  /** The status answered; null when the connection was destroyed instead. */
  status: number | null;
  /** Answered from a stored idempotent result, without any effect. */
  replayed: boolean;
  /** The failure injected into this request, if any. */
  injectedFailure: "before" | "after" | null;
  /** The Stripe-Version header sent (the SDK always sends one); null for hosted pages. */
  stripeVersion: string | null;
}

export interface CompleteCheckoutOptions {
  /** 4242 4242 4242 4242 unless told otherwise; 4000 0000 0000 0002 is declined. */
  cardNumber?: string;
  /** The session's customer_email, or buyer@example.com. */
  email?: string;
  name?: string;
  /** "sepa_debit" completes the session unpaid (a delayed method); settleCheckoutPayment answers later. */
  paymentMethod?: "card" | "sepa_debit";
  /** For SEPA Direct Debit; DE62 3704 0044 0532 0130 01 is debited unsuccessfully when settled. */
  iban?: string;
}

export interface FakeStripe {
  /** e.g. http://localhost:12111, the base of the hosted pages' URLs. */
  readonly url: string;
  readonly port: number;
  readonly host: "localhost";
  readonly protocol: "http";
  /** Every event emitted, in order (live array). */
  readonly events: readonly StripeEvent[];
  /** Every webhook POST attempt to the platform endpoint, in order (live array). */
  readonly deliveries: readonly WebhookDelivery[];
  /** Every webhook POST attempt to the Connect endpoint, in order (live array). */
  readonly connectDeliveries: readonly WebhookDelivery[];
  /** Every request except /health and /_fake/, in order (live array). */
  readonly requests: readonly RequestLogEntry[];
  /** The live objects by id; read them, do not change them. */
  readonly state: FakeStripeState;
  /** Events not yet acknowledged by the endpoint with a 2xx answer. */
  pendingEvents(): StripeEvent[];
  /** POSTs one event now (also an already delivered one, to test duplicates) and returns the status. */
  deliver(eventId: string, options?: DeliverOptions): Promise<number>;
  /** Delivers every pending event once, in order. */
  deliverAll(): Promise<{ eventId: string; status: number }[]>;
  /** Resolves when automatic delivery has posted everything released so far. */
  waitForWebhooks(): Promise<void>;
  setWebhookUrl(url: string | undefined): void;
  setConnectWebhookUrl(url: string | undefined): void;
  failNext(rule: FailureRule): void;
  /** Pays a session as its hosted page does, without a browser, and returns the session afterwards. */
  completeCheckout(sessionId: string, options?: CompleteCheckoutOptions): CheckoutSession;
  /**
   * The bank's answer to a session that completed unpaid (SEPA Direct Debit): "succeeded" sends
   * checkout.session.async_payment_succeeded, "failed" async_payment_failed; by default the IBAN decides.
   */
  settleCheckoutPayment(sessionId: string, outcome?: "succeeded" | "failed"): CheckoutSession;
  /**
   * Submits Connect onboarding as its hosted page does and returns the account afterwards. With
   * `eventLost`, Stripe finishes verifying later and its account.updated never arrives (lost, or the
   * endpoint was down for days): only re-reading the account shows the change.
   */
  completeOnboarding(accountId: string, options?: { eventLost?: boolean }): Account;
  /** Moves a refund on as the card network would (succeeded, failed with a reason…), with its events. */
  settleRefund(refundId: string, settlement: RefundSettlement): Refund;
  /** Whether new refunds wait as `pending` or succeed at once. */
  setRefundMode(mode: RefundMode): void;
  /**
   * Moves the fake's clock forward; open sessions past expires_at expire (and say so by webhook), and
   * charges whose funds are due become available.
   */
  advanceTime(seconds: number): void;
  /** Makes every pending charge's funds available now (as if their settlement dates had come). */
  settleCharges(): void;
  /** Adds money straight to the available balance, as a Stripe top-up does. */
  topUpBalance(amountCents: number, currency?: string): void;
  /** The platform balance as GET /v1/balance answers it. */
  balance(): Balance;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  replayed?: boolean;
}

interface SavedResult {
  fingerprint: string;
  requestId: string;
  reply: Reply;
}

type EventRequest = StripeEvent["request"];

const noRequest: EventRequest = { id: null, idempotency_key: null };
const maxBodyBytes = 1024 * 1024;

/**
 * Starts a local stand-in for the Stripe endpoints the product uses, speaking Stripe's wire format so
 * the real SDK can talk to it: `new Stripe(key, { host: "localhost", port, protocol: "http" })`.
 */
export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const merchantName = options.merchantName ?? "Instant Quote";
  const log = options.log;
  let baseUrl = "";
  let clockOffset = 0;
  const now = () => Math.floor(Date.now() / 1000) + clockOffset;
  const requests: RequestLogEntry[] = [];
  const failures: { rule: FailureRule; remaining: number }[] = [];
  const savedResults = new Map<string, SavedResult>();
  let refundMode: RefundMode = options.refunds ?? "pending";
  let collecting: { request: EventRequest; events: StripeEvent[] } | null = null;

  const delivery = {
    mode: options.webhookDelivery ?? "auto",
    attempts: options.webhookRetry?.attempts ?? 3,
    retryDelayMs: options.webhookRetry?.delayMs ?? 100,
    timeoutMs: options.webhookRetry?.timeoutMs ?? 5000,
    log,
  };
  const outbox = createEventRouter({
    platform: { ...delivery, url: options.webhookUrl, secret: options.webhookSecret },
    connect: {
      ...delivery,
      url: options.connectWebhookUrl,
      secret: options.connectWebhookSecret ?? "whsec_fake_stripe_connect_without_endpoint",
    },
  });

  const ledger = createStripeLedger({
    baseUrl: () => baseUrl,
    now,
    merchantName,
    chargeAvailableAfterSeconds: options.chargeAvailableAfterSeconds,
    refundMode: () => refundMode,
    emit(type: string, object: StripeObject, previousAttributes?: Record<string, unknown>) {
      const event: StripeEvent = {
        id: randomId("evt_1"),
        object: "event",
        api_version: fakeStripeApiVersion,
        // Connect events name the connected account they are about; only a Connect endpoint receives them.
        ...(object.object === "account" ? { account: object.id } : {}),
        created: now(),
        // A snapshot: the event shows the object as it was when the event happened.
        data: {
          object: structuredClone(object) as unknown as Record<string, unknown>,
          ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}),
        },
        livemode: false,
        pending_webhooks: 1,
        request: collecting?.request ?? noRequest,
        type,
      };
      outbox.record(event);
      if (collecting) collecting.events.push(event);
      else outbox.release([event]);
    },
  });

  /** Runs an action, gathering the events it emits so they can be released after its answer is out. */
  function withEvents<T>(
    request: EventRequest,
    action: () => T,
    release: (events: StripeEvent[]) => void,
  ): T {
    const events: StripeEvent[] = [];
    collecting = { request, events };
    try {
      return action();
    } finally {
      collecting = null;
      release(events);
    }
  }

  function takeFailure(method: string, path: string): "before" | "after" | null {
    const index = failures.findIndex(({ rule }) => {
      if (rule.method && rule.method.toUpperCase() !== method) return false;
      if (typeof rule.path === "string") return rule.path === path;
      rule.path.lastIndex = 0;
      return rule.path.test(path);
    });
    const failure = failures[index];
    if (!failure) return null;
    failure.remaining -= 1;
    if (failure.remaining <= 0) failures.splice(index, 1);
    return failure.rule.mode;
  }

  const routes: [string, RegExp, (id: string, params: FormObject, apiVersion: string) => object][] = [
    [
      "POST",
      /^\/v1\/checkout\/sessions$/,
      (_, params, apiVersion) => ledger.createCheckoutSession(params, apiVersion),
    ],
    [
      "GET",
      /^\/v1\/checkout\/sessions\/([^/]+)$/,
      (id, params) => ledger.retrieveCheckoutSession(id, params),
    ],
    [
      "POST",
      /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
      (id, params) => ledger.expireCheckoutSession(id, params),
    ],
    ["GET", /^\/v1\/payment_intents\/([^/]+)$/, (id, params) => ledger.retrievePaymentIntent(id, params)],
    ["GET", /^\/v1\/charges\/([^/]+)$/, (id, params) => ledger.retrieveCharge(id, params)],
    ["POST", /^\/v1\/refunds$/, (_, params) => ledger.createRefund(params)],
    ["GET", /^\/v1\/refunds\/([^/]+)$/, (id, params) => ledger.retrieveRefund(id, params)],
    ["POST", /^\/v1\/accounts$/, (_, params) => ledger.createAccount(params)],
    ["GET", /^\/v1\/accounts\/([^/]+)$/, (id, params) => ledger.retrieveAccount(id, params)],
    ["POST", /^\/v1\/account_links$/, (_, params) => ledger.createAccountLink(params)],
    ["POST", /^\/v1\/transfers$/, (_, params) => ledger.createTransfer(params)],
    ["GET", /^\/v1\/transfers$/, (_, params) => ledger.listTransfers(params)],
    ["GET", /^\/v1\/transfers\/([^/]+)$/, (id, params) => ledger.retrieveTransfer(id, params)],
    [
      "POST",
      /^\/v1\/transfers\/([^/]+)\/reversals$/,
      (id, params) => ledger.createTransferReversal(id, params),
    ],
    ["GET", /^\/v1\/balance$/, (_, params) => ledger.retrieveBalance(params)],
  ];

  function route(method: string, path: string, params: FormObject, apiVersion: string): object {
    for (const [routeMethod, pattern, handler] of routes) {
      const match = pattern.exec(path);
      if (!match || routeMethod !== method) continue;
      let id = "";
      try {
        id = decodeURIComponent(match[1] ?? "");
      } catch {
        break;
      }
      return handler(id, params, apiVersion);
    }
    throw new StripeApiError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  }

  function handleApi(
    request: IncomingMessage,
    method: string,
    path: string,
    params: FormObject,
    requestId: string,
    idempotencyKey: string | null,
  ): Reply {
    const apiVersion = header(request, "stripe-version") ?? fakeStripeApiVersion;
    const headers: Record<string, string> = {
      "Request-Id": requestId,
      "Stripe-Version": apiVersion,
      ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
    };
    const errorReply = (error: StripeApiError) => jsonReply(error.status, { error: error.body }, headers);
    let apiKey: string;
    let expandPaths: string[];
    try {
      apiKey = authenticate(header(request, "authorization"));
      if (header(request, "stripe-account"))
        throw new StripeApiError(400, {
          type: "invalid_request_error",
          message:
            "The fake Stripe does not implement the Stripe-Account header (acting as a connected account).",
        });
      expandPaths = new ParamReader(params).strings("expand");
    } catch (error) {
      if (error instanceof StripeApiError) return errorReply(error);
      throw error;
    }
    ledger.expireDueSessions();

    const scope = idempotencyKey ? `${apiKey}\u0000${idempotencyKey}` : null;
    const fingerprint = `${method} ${path} ${canonicalJson(params)}`;
    const saved = scope ? savedResults.get(scope) : undefined;
    if (saved) {
      if (saved.fingerprint !== fingerprint)
        return jsonReply(
          400,
          {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          },
          headers,
        );
      return {
        ...saved.reply,
        headers: {
          ...saved.reply.headers,
          "Request-Id": requestId,
          "Idempotent-Replayed": "true",
          "Original-Request": saved.requestId,
        },
        replayed: true,
      };
    }

    let reply: Reply;
    let save = true;
    try {
      const result = route(method, path, params, apiVersion);
      reply = jsonReply(200, expandPaths.length > 0 ? ledger.expand(result, expandPaths) : result, headers);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      reply = errorReply(error);
      save = error.savedForIdempotency;
    }
    if (scope && save) savedResults.set(scope, { fingerprint, requestId, reply });
    return reply;
  }

  function handlePage(method: string, path: string, params: FormObject): Reply {
    ledger.expireDueSessions();
    const payment = /^\/pay\/([^/]+)$/.exec(path);
    if (payment) return checkoutPage(method, safeDecode(payment[1] ?? ""), params);
    const onboarding = /^\/connect\/onboarding\/([^/]+)$/.exec(path);
    if (onboarding) return onboardingPage(method, safeDecode(onboarding[1] ?? ""), params);
    return pageReply(404, "Not found", "<h1>Page not found</h1><p>The fake Stripe has no page here.</p>");
  }

  function checkoutPage(method: string, sessionId: string, params: FormObject): Reply {
    const session = ledger.state.checkoutSessions.get(sessionId);
    if (!session)
      return pageReply(
        404,
        "Checkout session not found",
        "<h1>Checkout session not found</h1><p>The link may be mistyped or from another fake Stripe run.</p>",
      );
    const lineItems = ledger.lineItemsOf(sessionId);
    if (method === "GET" || session.status !== "open")
      return htmlReply(
        method === "GET" ? 200 : 409,
        renderCheckoutPage({ session, lineItems, merchantName }),
      );
    if (method !== "POST") return pageReply(405, "Method not allowed", "<h1>Method not allowed</h1>");
    const values = {
      email: text(params.email),
      cardNumber: text(params.card_number),
      expiry: text(params.expiry),
      cvc: text(params.cvc),
      cardholderName: text(params.cardholder_name),
      paymentMethod:
        text(params.payment_method) === "sepa_debit" ? ("sepa_debit" as const) : ("card" as const),
      iban: text(params.iban),
      accountHolder: text(params.account_holder),
    };
    const outcome = ledger.payCheckoutSession(sessionId, {
      ...values,
      name: values.paymentMethod === "sepa_debit" ? values.accountHolder : values.cardholderName,
    });
    if (!outcome.paid)
      return htmlReply(
        402,
        renderCheckoutPage({ session, lineItems, merchantName, values, error: outcome.message }),
      );
    return redirectReply((session.success_url ?? baseUrl).replaceAll("{CHECKOUT_SESSION_ID}", session.id));
  }

  function onboardingPage(method: string, accountId: string, params: FormObject): Reply {
    const account = ledger.state.accounts.get(accountId);
    const linkToken = text(params.link);
    const link = linkToken ? ledger.onboardingLink(linkToken) : undefined;
    if (!account || !link || link.account !== accountId)
      return pageReply(
        404,
        "Onboarding link not valid",
        "<h1>This onboarding link is not valid</h1><p>Ask the platform for a new link.</p>",
      );
    // Stripe sends expired and used links to refresh_url, where the platform makes a fresh one.
    if (link.used || now() > link.expiresAt) return redirectReply(link.refreshUrl);
    if (method === "GET") return htmlReply(200, renderOnboardingPage({ account, linkToken, merchantName }));
    if (method !== "POST") return pageReply(405, "Method not allowed", "<h1>Method not allowed</h1>");
    link.used = true;
    // "Save and finish later": Stripe sends the user to return_url whether or not onboarding is done.
    if (text(params.leave) !== "") return redirectReply(link.returnUrl);
    ledger.completeOnboarding(accountId);
    return redirectReply(link.returnUrl);
  }

  /** Test-only controls for a fake running in another process (Playwright). */
  function handleControl(method: string, path: string, body: string): Reply {
    if (method === "GET" && path === "/_fake/state")
      return jsonReply(200, {
        events: outbox.events,
        pendingEventIds: outbox.pending().map((event) => event.id),
        deliveries: outbox.deliveries,
        connectDeliveries: outbox.connectDeliveries,
        requests,
        ...Object.fromEntries(Object.entries(ledger.state).map(([name, map]) => [name, [...map.values()]])),
      });
    if (method === "POST" && path === "/_fake/fail-next") {
      const rule = JSON.parse(body) as Omit<FailureRule, "path"> & { path?: string; pathPattern?: string };
      failNext({ ...rule, path: rule.pathPattern ? new RegExp(rule.pathPattern) : (rule.path ?? "") });
      return jsonReply(200, { ok: true });
    }
    if (method === "POST" && path === "/_fake/settle-charges") {
      ledger.balance.settleDue(true);
      return jsonReply(200, ledger.balance.retrieve());
    }
    if (method === "POST" && path === "/_fake/top-up") {
      const { amount, currency } = JSON.parse(body) as { amount: number; currency?: string };
      ledger.balance.topUp(amount, currency ?? "eur");
      return jsonReply(200, ledger.balance.retrieve());
    }
    if (method === "POST" && path === "/_fake/settle-checkout-payment") {
      const { sessionId, outcome } = JSON.parse(body) as {
        sessionId: string;
        outcome?: "succeeded" | "failed";
      };
      return jsonReply(200, settleCheckoutPayment(sessionId, outcome));
    }
    if (method === "POST" && path === "/_fake/complete-onboarding") {
      const { accountId, eventLost } = JSON.parse(body) as { accountId: string; eventLost?: boolean };
      return jsonReply(200, completeOnboarding(accountId, { eventLost }));
    }
    const settling = /^\/_fake\/refunds\/([^/]+)\/settle$/.exec(path);
    if (method === "POST" && settling)
      return jsonReply(
        200,
        settleRefund(safeDecode(settling[1] ?? ""), JSON.parse(body) as RefundSettlement),
      );
    if (method === "POST" && path === "/_fake/refund-mode") {
      setRefundMode((JSON.parse(body) as { mode: RefundMode }).mode);
      return jsonReply(200, { ok: true });
    }
    return jsonReply(404, {
      error: { type: "invalid_request_error", message: `No control at ${method} ${path}` },
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const method = (request.method ?? "GET").toUpperCase();
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = url.pathname;
    const body = await readBody(request);
    if (body === null)
      return send(
        response,
        jsonReply(413, { error: { type: "invalid_request_error", message: "Request body too large" } }),
      );
    if (path === "/health") return send(response, jsonReply(200, { status: "ok" }));
    // Browsers ask for it on every hosted page; it would only clutter the request log.
    if (path === "/favicon.ico") return send(response, { status: 204, headers: {}, body: "" });
    if (path.startsWith("/_fake/")) return send(response, handleControl(method, path, body));

    const isApi = path.startsWith("/v1/");
    const params = method === "POST" ? parseFormBody(body) : parseFormBody(url.search.slice(1));
    const idempotencyKey = isApi && method === "POST" ? (header(request, "idempotency-key") ?? null) : null;
    const requestId = randomId("req_", 14);
    const failure = takeFailure(method, path);
    const entry: RequestLogEntry = {
      method,
      path,
      params,
      idempotencyKey,
      requestId,
      status: null,
      replayed: false,
      injectedFailure: failure,
      stripeVersion: isApi ? (header(request, "stripe-version") ?? null) : null,
    };
    requests.push(entry);

    if (failure === "before") {
      entry.status = 500;
      log?.(`${method} ${path} 500 (failure injected before acting)`);
      return send(
        response,
        jsonReply(
          500,
          {
            error: {
              type: "api_error",
              message: "An unknown error occurred (injected by the fake Stripe before acting).",
            },
          },
          { "Request-Id": requestId },
        ),
      );
    }

    let released: StripeEvent[] = [];
    const reply = withEvents(
      isApi ? { id: requestId, idempotency_key: idempotencyKey } : noRequest,
      () =>
        isApi
          ? handleApi(request, method, path, params, requestId, idempotencyKey)
          : handlePage(method, path, params),
      (events) => {
        released = events;
      },
    );
    entry.replayed = reply.replayed ?? false;

    if (failure === "after") {
      log?.(`${method} ${path} ${reply.status}, then connection destroyed (failure injected after acting)`);
      request.socket.destroy();
      outbox.release(released);
      return;
    }
    entry.status = reply.status;
    log?.(`${method} ${path} ${reply.status}${entry.replayed ? " (idempotent replay)" : ""}`);
    // Webhooks follow the answer, as Stripe's do: a handler never sees an event before its API call returns.
    response.once("close", () => outbox.release(released));
    send(response, reply);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log?.(`fake Stripe failed on ${request.method} ${request.url}: ${message}`);
      if (response.headersSent) response.destroy();
      else
        send(
          response,
          jsonReply(500, { error: { type: "api_error", message: `The fake Stripe failed: ${message}` } }),
        );
    });
  });

  // No host: the wildcard address takes both ::1 and 127.0.0.1, whichever "localhost" resolves to.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://localhost:${port}`;

  function failNext(rule: FailureRule) {
    failures.push({ rule, remaining: rule.times ?? 1 });
  }

  function completeCheckout(sessionId: string, completion: CompleteCheckoutOptions = {}): CheckoutSession {
    const session = ledger.state.checkoutSessions.get(sessionId);
    if (!session) throw new Error(`No such checkout.session: '${sessionId}'`);
    const outcome = withEvents(
      noRequest,
      () => {
        ledger.expireDueSessions();
        return ledger.payCheckoutSession(sessionId, {
          email: completion.email ?? session.customer_email ?? "buyer@example.com",
          name: completion.name ?? "Test Buyer",
          cardNumber: completion.cardNumber ?? "4242 4242 4242 4242",
          expiry: "12 / 34",
          cvc: "123",
          paymentMethod: completion.paymentMethod,
          iban: completion.iban ?? "DE89 3704 0044 0532 0130 00",
        });
      },
      outbox.release,
    );
    return structuredClone(outcome.session);
  }

  function settleCheckoutPayment(sessionId: string, outcome?: "succeeded" | "failed"): CheckoutSession {
    return structuredClone(
      withEvents(noRequest, () => ledger.settleCheckoutPayment(sessionId, outcome), outbox.release),
    );
  }

  function completeOnboarding(accountId: string, { eventLost = false } = {}): Account {
    const complete = () => ledger.completeOnboarding(accountId);
    return structuredClone(
      withEvents(noRequest, () => (eventLost ? outbox.losingEvents(complete) : complete()), outbox.release),
    );
  }

  function settleRefund(refundId: string, settlement: RefundSettlement): Refund {
    return structuredClone(
      withEvents(noRequest, () => ledger.settleRefund(refundId, settlement), outbox.release),
    );
  }

  function setRefundMode(mode: RefundMode) {
    if (mode !== "pending" && mode !== "succeed-at-once") throw new Error(`Unknown refund mode: ${mode}`);
    refundMode = mode;
  }

  function advanceTime(seconds: number) {
    clockOffset += seconds;
    withEvents(noRequest, () => ledger.expireDueSessions(), outbox.release);
    ledger.balance.settleDue();
  }

  async function close() {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await outbox.close();
  }

  return {
    url: baseUrl,
    port,
    host: "localhost",
    protocol: "http",
    events: outbox.events,
    deliveries: outbox.deliveries,
    connectDeliveries: outbox.connectDeliveries,
    requests,
    state: ledger.state,
    pendingEvents: outbox.pending,
    deliver: outbox.deliver,
    deliverAll: outbox.deliverAll,
    waitForWebhooks: outbox.idle,
    setWebhookUrl: outbox.setUrl,
    setConnectWebhookUrl: outbox.setConnectUrl,
    failNext,
    completeCheckout,
    settleCheckoutPayment,
    completeOnboarding,
    settleRefund,
    setRefundMode,
    advanceTime,
    settleCharges: () => void ledger.balance.settleDue(true),
    topUpBalance: (amountCents: number, currency = "eur") => ledger.balance.topUp(amountCents, currency),
    balance: () => ledger.balance.retrieve(),
    close,
  };
}

function authenticate(authorization: string | undefined): string {
  if (!authorization)
    throw new StripeApiError(401, {
      type: "invalid_request_error",
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    });
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  const basic = /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
  const key =
    bearer ?? (basic ? Buffer.from(basic, "base64").toString("utf8").split(":")[0] : undefined) ?? "";
  // Test keys only: a live key reaching the fake means a configuration mistake worth stopping at.
  if (!/^(sk|rk)_test_\w+$/.test(key))
    throw new StripeApiError(401, {
      type: "invalid_request_error",
      code: "api_key_invalid",
      message: `Invalid API Key provided: ${key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : key}`,
    });
  return key;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function text(value: FormValue | undefined): string {
  return typeof value === "string" ? value : "";
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Parameters with keys sorted, so the same request sent with another key order still matches. */
function canonicalJson(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? "")}`)
    .join(",")}}`;
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > maxBodyBytes ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { ...headers, "Content-Type": "application/json", "Cache-Control": "no-cache, no-store" },
    body: `${JSON.stringify(body, null, 2)}\n`,
  };
}

function htmlReply(status: number, html: string): Reply {
  return {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    body: html,
  };
}

function pageReply(status: number, title: string, body: string): Reply {
  return htmlReply(status, renderHostedPage(title, body));
}

function redirectReply(location: string): Reply {
  return {
    status: 303,
    headers: { Location: location, "Content-Type": "text/html; charset=utf-8" },
    body: `<!doctype html><title>Redirecting</title><a href="${escapeHtml(location)}">Continue</a>`,
  };
}

function send(response: ServerResponse, reply: Reply) {
  response.writeHead(reply.status, { ...reply.headers, "Content-Length": Buffer.byteLength(reply.body) });
  response.end(reply.body);
}
