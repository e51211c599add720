import type Stripe from "stripe";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

/** What a payment attempt must carry to be paid through one Checkout Session. */
export interface CheckoutAttempt {
  id: string;
  createdAt: Date;
  idempotencyKey: string;
  stripeCheckoutSessionId: string | null;
}

/**
 * The URL of a Checkout Session for the current payment attempt, shared by the order's card checkout and
 * the counteroffer's supplement. An attempt whose session is open with enough time left is reused; a
 * complete one is refused with `completeMessage` (the webhook is confirming it); an expired or nearly
 * expired one is closed (FAILED, unless a webhook has meanwhile confirmed it) and a new attempt is made once.
 * A session is created with the attempt's idempotency key, so a retry after a lost answer gets the same one.
 */
export async function openCheckoutSession<Attempt extends CheckoutAttempt>(
  db: Database,
  stripe: Stripe,
  options: {
    now: Date;
    /** The attempt to pay: the open one, or a new one written before Stripe is called. */
    currentAttempt: () => Promise<Attempt>;
    /** How long an attempt's session may live, counted from the attempt's creation. */
    lifetimeMs: (attempt: Attempt) => number;
    /** Less time left than this, and the buyer gets a new session rather than a page about to expire. */
    minimumRemainingMs: number;
    params: (attempt: Attempt, expiresAtMs: number) => Stripe.Checkout.SessionCreateParams;
    completeMessage: (session: Stripe.Checkout.Session) => string;
  },
): Promise<{ url: string }> {
  const { now, minimumRemainingMs } = options;
  for (let attempt = 0; attempt < 2; attempt++) {
    const payment = await options.currentAttempt();
    if (payment.stripeCheckoutSessionId) {
      const session = await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId);
      if (
        session.status === "open" &&
        session.url &&
        session.expires_at * 1000 - now.getTime() > minimumRemainingMs
      )
        return { url: session.url };
      if (session.status === "complete") throw new AppError("conflict", options.completeMessage(session));
      if (session.status === "open") await stripe.checkout.sessions.expire(session.id);
      await closeAttempt(db, payment.id);
      continue;
    }
    const expiresAtMs = payment.createdAt.getTime() + options.lifetimeMs(payment);
    if (expiresAtMs - now.getTime() < minimumRemainingMs) {
      await closeAttempt(db, payment.id);
      continue;
    }
    const session = await stripe.checkout.sessions.create(options.params(payment, expiresAtMs), {
      idempotencyKey: payment.idempotencyKey,
    });
    await db.payment.updateMany({
      where: { id: payment.id, stripeCheckoutSessionId: null },
      data: { stripeCheckoutSessionId: session.id },
    });
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
    return { url: session.url };
  }
  throw new AppError("conflict", "The payment page could not be prepared; try again in a minute.");
}

/** Closes an attempt whose session ended unpaid, unless a webhook has meanwhile confirmed it. */
async function closeAttempt(db: Database, paymentId: string): Promise<void> {
  await db.payment.updateMany({ where: { id: paymentId, status: "PENDING" }, data: { status: "FAILED" } });
}
