import type { Charge, CheckoutSession, PaymentIntent, StripeObject } from "./stripe-objects";
import { randomId } from "./random-id";

// Delayed notification payment methods on Checkout (SEPA Direct Debit here): the buyer finishes the
// hosted page, the session completes with `payment_status: "unpaid"` and its payment intent is
// `processing`; days later the bank answers and Stripe sends checkout.session.async_payment_succeeded
// (session now `paid`) or checkout.session.async_payment_failed (session stays `unpaid`), each with the
// matching payment_intent event. Sources: docs.stripe.com/checkout/fulfillment (immediate versus delayed
// payment methods) and stripe.com/docs/payments/sepa-debit/accept-a-payment (about 5 business days).

type Emit = (type: string, object: StripeObject, previousAttributes?: Record<string, unknown>) => void;

export type DelayedOutcome = "succeeded" | "failed";

/** Test IBAN whose debit the fake lets fail when it settles without being told an outcome. */
export const failingTestIban = "DE62370400440532013001";

/** What the bank will answer for each processing payment intent, decided by the IBAN given. */
const plannedOutcomes = new WeakMap<PaymentIntent, DelayedOutcome>();

/** The SEPA Direct Debit charge, pending until the bank answers. */
export function pendingDebitCharge(
  intent: PaymentIntent,
  details: { email: string; name: string | null; iban: string; created: number; descriptor: string },
): Charge {
  const iban = details.iban.replace(/\s/g, "").toUpperCase();
  plannedOutcomes.set(intent, iban === failingTestIban ? "failed" : "succeeded");
  const chargeId = randomId("py_3");
  return {
    id: chargeId,
    object: "charge",
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: 0,
    balance_transaction: randomId("txn_3"),
    billing_details: { address: null, email: details.email, name: details.name, phone: null },
    calculated_statement_descriptor: details.descriptor,
    captured: true,
    created: details.created,
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: { ...intent.metadata },
    outcome: {
      network_status: "approved_by_network",
      reason: null,
      risk_level: "normal",
      seller_message: "Payment pending: the bank has not confirmed the debit yet.",
      type: "authorized",
    },
    paid: false,
    payment_intent: intent.id,
    payment_method: intent.payment_method ?? randomId("pm_1"),
    payment_method_details: {
      type: "sepa_debit",
      sepa_debit: { country: iban.slice(0, 2), last4: iban.slice(-4), mandate: randomId("mandate_1") },
    },
    receipt_email: intent.receipt_email,
    receipt_url: "",
    refunded: false,
    status: "pending",
    transfer_group: intent.transfer_group,
  };
}

/** Completes the session unpaid with its intent processing, and says so by webhook. */
export function completeUnpaid(
  session: CheckoutSession,
  intent: PaymentIntent,
  charge: Charge,
  customer: { email: string; name: string | null },
  emit: Emit,
): void {
  intent.status = "processing";
  intent.latest_charge = charge.id;
  intent.payment_method_types = ["sepa_debit"];
  intent.last_payment_error = null;
  session.status = "complete";
  session.payment_status = "unpaid";
  session.url = null;
  session.customer_details = { ...customer, address: null, phone: null, tax_exempt: "none", tax_ids: [] };
  emit("charge.pending", charge);
  emit("payment_intent.processing", intent);
  emit("checkout.session.completed", session);
}

/**
 * The bank's answer for a session that completed unpaid: the outcome given, or the one its IBAN
 * planned. Throws for a session that is not waiting for one.
 */
export function settleDelayedPayment(
  session: CheckoutSession,
  intent: PaymentIntent | undefined,
  charge: Charge | undefined,
  outcome: DelayedOutcome | undefined,
  emit: Emit,
): CheckoutSession {
  if (
    session.status !== "complete" ||
    session.payment_status !== "unpaid" ||
    !intent ||
    !charge ||
    intent.status !== "processing"
  )
    throw new Error(`Checkout session ${session.id} has no delayed payment waiting for the bank`);
  const result = outcome ?? plannedOutcomes.get(intent) ?? "succeeded";
  if (result === "succeeded") {
    charge.status = "succeeded";
    charge.paid = true;
    charge.outcome = { ...charge.outcome, seller_message: "Payment complete." };
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    session.payment_status = "paid";
    emit("charge.succeeded", charge);
    emit("payment_intent.succeeded", intent);
    emit("checkout.session.async_payment_succeeded", session);
  } else {
    charge.status = "failed";
    charge.amount_captured = 0;
    charge.failure_code = "insufficient_funds";
    charge.failure_message = "The customer's account has insufficient funds to cover this payment.";
    intent.status = "requires_payment_method";
    intent.last_payment_error = {
      type: "card_error",
      code: "insufficient_funds",
      message: charge.failure_message,
      charge: charge.id,
    };
    emit("charge.failed", charge);
    emit("payment_intent.payment_failed", intent);
    emit("checkout.session.async_payment_failed", session);
  }
  return session;
}
