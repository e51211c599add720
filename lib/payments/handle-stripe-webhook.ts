import { enqueueJobs, followUpJob, type FollowUpJob } from "../jobs/enqueue-job";
import Stripe from "stripe";
import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { getLogger } from "../logging/logger";
import { applyConnectEvent, readConnectEvent } from "../payouts/handle-connect-event";
import { recordTransferReversal } from "../payouts/record-transfer-reversal";
import { applyRefundEvent } from "./apply-refund-event";
import { confirmCardPayment } from "./confirm-card-payment";
import { failDelayedCardPayment } from "./fail-delayed-card-payment";
import { markCardPaymentProcessing } from "./mark-card-payment-processing";
import { getStripe, stripeApiVersion } from "./stripe-client";

/** What to do once the event's transaction has committed. */
export type WebhookFollowUp =
  | { kind: "match-order"; orderId: string }
  | { kind: "send-refund"; refundId: string }
  | { kind: "pay-payout"; payoutId: string };

export interface WebhookResult {
  eventId: string;
  type: string;
  /** "duplicate" for an event processed before; "ignored" for a type or an object we do not handle. */
  outcome: "processed" | "duplicate" | "ignored";
  /** What the event made due; its jobs were sent in the event's transaction. */
  followUps: WebhookFollowUp[];
}

const metadataSchema = z.record(z.string(), z.string()).nullish();
const stripeIdSchema = z.union([z.string(), z.object({ id: z.string() })]).nullish();
const sessionSchema = z.object({
  id: z.string(),
  status: z.string().nullish(),
  payment_status: z.string(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  payment_intent: stripeIdSchema,
  metadata: metadataSchema,
});
const paymentIntentSchema = z.object({
  id: z.string(),
  amount_received: z.number().int(),
  currency: z.string(),
  metadata: metadataSchema,
});

/**
 * Which of Stripe's two endpoints an event came through: "platform" (/api/webhooks/stripe, events about
 * the platform's own objects, STRIPE_WEBHOOK_SECRET) or "connect" (/api/webhooks/stripe-connect, events
 * about partners' connected accounts, STRIPE_CONNECT_WEBHOOK_SECRET). Each is signed with its own secret.
 */
export type StripeWebhookEndpoint = "platform" | "connect";

const idOf = (value: z.infer<typeof stripeIdSchema>) => (typeof value === "string" ? value : value?.id);

/**
 * Stripe's webhook: verifies the signature over the raw body (a bad one changes nothing), then applies
 * the event in one transaction that also stores its id, so each event takes effect exactly once however
 * often Stripe delivers it. Events may arrive in any order: each handler finds its object by the ids we
 * put in the metadata and only moves states forward. Events for objects we do not know are logged and
 * acknowledged, so Stripe stops resending them. Events are stored once whichever endpoint they come through.
 */
export async function handleStripeWebhook(
  db: Database,
  rawBody: string,
  signatureHeader: string | null,
  now = new Date(),
  endpoint: StripeWebhookEndpoint = "platform",
): Promise<WebhookResult> {
  const stripe = getStripe();
  const env = getEnv();
  const secret = endpoint === "connect" ? env.STRIPE_CONNECT_WEBHOOK_SECRET : env.STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret)
    throw new AppError("service_unavailable", "Stripe is not configured on this installation.");
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signatureHeader ?? "", secret);
  } catch (error) {
    throw new AppError("bad_request", "The Stripe signature does not match this request.", undefined, {
      cause: error,
    });
  }
  if (event.api_version && event.api_version !== stripeApiVersion)
    // The endpoint was created with another API version than we pin: its objects may differ (README).
    getLogger().warn(
      { eventId: event.id, eventApiVersion: event.api_version, pinned: stripeApiVersion },
      "Stripe event in another API version than the pinned one: create the webhook endpoint with the pinned version",
    );
  const object: unknown = event.data.object;
  // Network reads happen before the transaction, which then only writes.
  const connectRead = endpoint === "connect" ? await readConnectEvent(db, event) : null;

  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "StripeEvent" ("id", "type", "processedAt") VALUES (${event.id}, ${event.type}, ${now})
      ON CONFLICT ("id") DO NOTHING`;
    const result = (outcome: WebhookResult["outcome"], followUps: WebhookFollowUp[] = []): WebhookResult => ({
      eventId: event.id,
      type: event.type,
      outcome,
      followUps,
    });
    if (inserted === 0) return result("duplicate");
    const followUps =
      endpoint === "connect"
        ? await applyConnectEvent(tx, connectRead, now)
        : await applyEvent(tx, event.type, object, now);
    if (followUps === null) {
      getLogger().info({ eventId: event.id, type: event.type }, "Stripe event acknowledged without effect");
      return result("ignored");
    }
    await enqueueJobs(tx, followUps.map(followUpJobOf));
    return result("processed", followUps);
  });
}

/** A webhook's follow-up as the job that does it; sent in the webhook's transaction. */
function followUpJobOf(followUp: WebhookFollowUp): FollowUpJob {
  switch (followUp.kind) {
    case "match-order":
      return followUpJob("matching.match-waiting-lines", {
        orderId: followUp.orderId,
        trigger: "card payment received",
      });
    case "send-refund":
      return followUpJob(
        "payments.send-refunds",
        { refundId: followUp.refundId },
        { singletonKey: followUp.refundId },
      );
    case "pay-payout":
      return followUpJob("payouts.pay", { payoutId: followUp.payoutId }, { singletonKey: followUp.payoutId });
  }
}

/** The event's effect; null when there is none (a type we do not handle, or an object we do not know). */
async function applyEvent(
  tx: TransactionClient,
  type: string,
  object: unknown,
  now: Date,
): Promise<WebhookFollowUp[] | null> {
  switch (type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = sessionSchema.parse(object);
      // A delayed method (SEPA Direct Debit): completed, not paid; the order waits (decision 0029).
      if (type === "checkout.session.completed" && session.payment_status === "unpaid")
        return (await markCardPaymentProcessing(tx, checkoutIdsOf(session))) ? [] : null;
      if (session.payment_status !== "paid" || session.amount_total == null || !session.currency) return null;
      return cardPaymentFollowUps(
        await confirmCardPayment(
          tx,
          {
            paymentId: session.metadata?.paymentId,
            checkoutSessionId: session.id,
            paymentIntentId: idOf(session.payment_intent),
            amountCents: session.amount_total,
            currency: session.currency,
          },
          now,
        ),
      );
    }
    case "payment_intent.succeeded": {
      const intent = paymentIntentSchema.parse(object);
      return cardPaymentFollowUps(
        await confirmCardPayment(
          tx,
          {
            paymentId: intent.metadata?.paymentId,
            paymentIntentId: intent.id,
            amountCents: intent.amount_received,
            currency: intent.currency,
          },
          now,
        ),
      );
    }
    case "checkout.session.async_payment_failed":
      return (await failDelayedCardPayment(tx, checkoutIdsOf(sessionSchema.parse(object)))) ? [] : null;
    case "checkout.session.expired": {
      const session = sessionSchema.parse(object);
      const closed = await tx.payment.updateMany({
        where: { stripeCheckoutSessionId: session.id, status: "PENDING" },
        data: { status: "FAILED" },
      });
      return closed.count > 0 ? [] : null;
    }
    case "transfer.reversed":
      return recordTransferReversal(tx, object, now);
    case "refund.created":
    case "refund.updated":
    case "refund.failed":
      return applyRefundEvent(tx, object, now);
    default:
      return null;
  }
}

function checkoutIdsOf(session: z.infer<typeof sessionSchema>) {
  return {
    paymentId: session.metadata?.paymentId,
    checkoutSessionId: session.id,
    paymentIntentId: idOf(session.payment_intent),
  };
}

function cardPaymentFollowUps(
  outcome: Awaited<ReturnType<typeof confirmCardPayment>>,
): WebhookFollowUp[] | null {
  switch (outcome.kind) {
    case "confirmed":
      return [{ kind: "match-order", orderId: outcome.orderId }];
    case "refunding":
      return [{ kind: "send-refund", refundId: outcome.refundId }];
    case "already-confirmed":
      return [];
    default:
      return null;
  }
}
