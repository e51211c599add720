import { createWebhookOutbox, type DeliverOptions, type WebhookOutboxOptions } from "./create-webhook-outbox";
import type { StripeEvent } from "./stripe-objects";

export type EventRouter = ReturnType<typeof createEventRouter>;

/**
 * Stripe's two kinds of webhook endpoint: events about the platform's own objects go to the account
 * endpoint, events about connected accounts (they carry `account`) only to a Connect endpoint, each
 * signed with its own endpoint's secret. One secret can never verify both, which is what the product's
 * two endpoints must cope with. Events can also be lost (Stripe gave up, or nobody subscribed): they are
 * emitted and visible in `events`, but never delivered, so only a re-check finds their change.
 */
export function createEventRouter(options: { platform: WebhookOutboxOptions; connect: WebhookOutboxOptions }) {
  const platform = createWebhookOutbox(options.platform);
  const connect = createWebhookOutbox(options.connect);
  const events: StripeEvent[] = [];
  const lost = new Set<string>();
  let losing = false;

  const outboxOf = (event: StripeEvent) => (event.account ? connect : platform);
  const inEmissionOrder = (list: StripeEvent[]) =>
    list.sort((a, b) => events.indexOf(a) - events.indexOf(b));

  function record(event: StripeEvent) {
    events.push(event);
    if (losing) lost.add(event.id);
    else outboxOf(event).record(event);
  }

  function release(batch: readonly StripeEvent[]) {
    const delivered = batch.filter((event) => !lost.has(event.id));
    platform.release(delivered.filter((event) => !event.account));
    connect.release(delivered.filter((event) => event.account));
  }

  function pending(): StripeEvent[] {
    return inEmissionOrder([...platform.pending(), ...connect.pending()]);
  }

  async function deliver(eventId: string, deliverOptions: DeliverOptions = {}): Promise<number> {
    const event = events.find((candidate) => candidate.id === eventId);
    if (!event) throw new Error(`No event ${eventId} was emitted`);
    if (lost.has(eventId)) throw new Error(`Event ${eventId} was lost on purpose and is never delivered`);
    return outboxOf(event).deliver(eventId, deliverOptions);
  }

  async function deliverAll(): Promise<{ eventId: string; status: number }[]> {
    const results: { eventId: string; status: number }[] = [];
    for (const event of pending()) results.push({ eventId: event.id, status: await deliver(event.id) });
    return results;
  }

  /** Runs an action whose events are emitted but lost: never delivered to either endpoint. */
  function losingEvents<T>(action: () => T): T {
    losing = true;
    try {
      return action();
    } finally {
      losing = false;
    }
  }

  return {
    events: events as readonly StripeEvent[],
    deliveries: platform.deliveries,
    connectDeliveries: connect.deliveries,
    pending,
    record,
    release,
    deliver,
    deliverAll,
    losingEvents,
    idle: () => Promise.all([platform.idle(), connect.idle()]).then(() => undefined),
    close: () => Promise.all([platform.close(), connect.close()]).then(() => undefined),
    setUrl: platform.setUrl,
    setConnectUrl: connect.setUrl,
  };
}
