import http from "node:http";
import https from "node:https";
import { signWebhookPayload } from "./sign-webhook-payload";
import type { StripeEvent } from "./stripe-objects";

export type WebhookDeliveryMode = "auto" | "manual";

/** One POST of an event to the endpoint: `status` is null when no HTTP answer came back. */
export interface WebhookDelivery {
  eventId: string;
  type: string;
  attempt: number;
  status: number | null;
  error?: string;
  url: string;
}

export interface DeliverOptions {
  /** Sign with this secret instead of the endpoint's, to see a bad signature refused. */
  secret?: string;
  /** Change the body after signing it, to see a forged event refused. */
  tamper?: boolean;
}

export interface WebhookOutboxOptions {
  url?: string;
  secret: string;
  mode: WebhookDeliveryMode;
  attempts: number;
  retryDelayMs: number;
  timeoutMs: number;
  log?: (line: string) => void;
}

export type WebhookOutbox = ReturnType<typeof createWebhookOutbox>;

/**
 * Keeps every emitted event and posts them to the endpoint. In "auto" mode released events go out one at
 * a time in emission order, each retried a few times; in "manual" mode tests decide what goes out when.
 * An event is pending until the endpoint acknowledges it with a 2xx answer.
 */
export function createWebhookOutbox(options: WebhookOutboxOptions) {
  let url = options.url;
  let closed = false;
  const events: StripeEvent[] = [];
  const pending: StripeEvent[] = [];
  const deliveries: WebhookDelivery[] = [];
  const attemptCounts = new Map<string, number>();
  let chain: Promise<void> = Promise.resolve();

  function record(event: StripeEvent) {
    events.push(event);
    pending.push(event);
  }

  /** Hands over the events of one finished request (or action) for automatic delivery. */
  function release(batch: readonly StripeEvent[]) {
    if (options.mode !== "auto" || batch.length === 0) return;
    chain = chain.then(async () => {
      for (const event of batch) await deliverWithRetries(event);
    });
  }

  async function deliverWithRetries(event: StripeEvent) {
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
      if (closed || !url) return;
      const status = await post(event, url, {}).catch(() => null);
      if (status !== null && status >= 200 && status < 300) return;
      if (attempt < options.attempts)
        await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
    }
  }

  /** Posts once; resolves with the endpoint's status and rejects when the connection fails. */
  async function post(
    event: StripeEvent,
    target: string,
    { secret, tamper }: DeliverOptions,
  ): Promise<number> {
    // Stripe sends pretty-printed JSON, which catches handlers that verify a re-serialised body.
    const body = JSON.stringify(event, null, 2);
    const signature = signWebhookPayload(body, secret ?? options.secret);
    const sent = tamper ? body.replace('"livemode": false', '"livemode": true') : body;
    const attempt = (attemptCounts.get(event.id) ?? 0) + 1;
    attemptCounts.set(event.id, attempt);
    const delivery: WebhookDelivery = {
      eventId: event.id,
      type: event.type,
      attempt,
      status: null,
      url: target,
    };
    deliveries.push(delivery);
    try {
      delivery.status = await postJson(target, sent, signature, options.timeoutMs);
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
      options.log?.(`webhook ${event.type} ${event.id} attempt ${attempt} failed: ${delivery.error}`);
      throw error;
    }
    options.log?.(`webhook ${event.type} ${event.id} attempt ${attempt}: ${delivery.status}`);
    if (delivery.status >= 200 && delivery.status < 300) {
      const index = pending.indexOf(event);
      if (index >= 0) pending.splice(index, 1);
    }
    return delivery.status;
  }

  async function deliver(eventId: string, deliverOptions: DeliverOptions = {}): Promise<number> {
    const event = events.find((candidate) => candidate.id === eventId);
    if (!event) throw new Error(`No event ${eventId} was emitted`);
    if (!url) throw new Error("The fake Stripe has no webhook URL: pass webhookUrl or call setWebhookUrl()");
    return post(event, url, deliverOptions);
  }

  async function deliverAll(): Promise<{ eventId: string; status: number }[]> {
    const results: { eventId: string; status: number }[] = [];
    for (const event of [...pending]) results.push({ eventId: event.id, status: await deliver(event.id) });
    return results;
  }

  /** Resolves once automatic delivery has nothing left to do, including events released meanwhile. */
  async function idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = chain;
      await current;
    } while (current !== chain);
  }

  async function close() {
    closed = true;
    await idle();
  }

  return {
    events: events as readonly StripeEvent[],
    deliveries: deliveries as readonly WebhookDelivery[],
    pending: (): StripeEvent[] => [...pending],
    record,
    release,
    deliver,
    deliverAll,
    idle,
    close,
    setUrl(next: string | undefined) {
      url = next;
    },
  };
}

function postJson(target: string, body: string, signature: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const endpoint = new URL(target);
    const request = (endpoint.protocol === "https:" ? https : http).request(
      endpoint,
      {
        method: "POST",
        // A connection per delivery: nothing lingers to keep a test's process or receiver alive.
        agent: false,
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          Accept: "*/*; q=0.5, application/xml",
          "Cache-Control": "no-cache",
          "Stripe-Signature": signature,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(body);
  });
}
