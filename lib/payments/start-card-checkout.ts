import type Stripe from "stripe";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { materialNamesOf } from "../catalogue/material-names-of";
import { AppError } from "../errors/app-error";
import { cardPaymentClosedReason } from "./payment-methods-open";
import { getStripe } from "./stripe-client";
import { processLabel } from "../catalogue/catalogue-labels";
import { checkoutLineItems } from "./checkout-line-items";
import { openCheckoutSession } from "./open-checkout-session";

/** Stripe lets a Checkout Session live at most 24 hours; ours end a little earlier. */
const sessionLifetimeMs = 23 * 3_600_000;
/** A payment attempt too close to its end gets a new session rather than a page about to expire. */
const minimumRemainingMs = 35 * 60_000;

export interface CardPayer {
  userId: string;
  companyId: string;
}

/**
 * Sends the buyer to Stripe Checkout to pay an order that waits for its card payment. Each attempt is a
 * Payment row (PENDING) written before Stripe is called, whose idempotency key the session is created
 * with: after a crash or a lost answer the retry gets the same session, not a second one. An attempt
 * whose session is still open is reused; an expired one is closed and a new attempt made. The order is
 * marked paid only by the verified webhook, never by the buyer's return from Stripe.
 */
export async function startCardCheckout(
  db: Database,
  payer: CardPayer,
  orderId: string,
  now = new Date(),
): Promise<{ url: string }> {
  const stripe = getStripe();
  if (!stripe) throw new AppError("service_unavailable", cardPaymentClosedReason);
  return openCheckoutSession(db, stripe, {
    now,
    currentAttempt: async () => {
      const payment = await currentAttempt(db, payer, orderId, now);
      return { ...payment, materialName: await materialNamesOf(db, payment.order.lines) };
    },
    lifetimeMs: () => sessionLifetimeMs,
    minimumRemainingMs,
    params: checkoutParams,
    // "unpaid": a delayed method (SEPA Direct Debit) the bank has not confirmed yet (decision 0029).
    completeMessage: (session) =>
      session.payment_status === "paid"
        ? "Your payment went through; we are confirming it with Stripe. This page updates in a moment."
        : processingMessage,
  });
}

const processingMessage =
  "Your payment is processing: your bank has not confirmed it yet. We place the order once the money has arrived; you need not pay again.";

/** The attempt with the names of its lines' materials ("Aluminium 6061-T6"), which Stripe's page shows. */
type PaymentAttempt = Awaited<ReturnType<typeof currentAttempt>> & { materialName: (code: string) => string };

/** The order's open card payment attempt, made if there is none; refuses orders that take no payment. */
async function currentAttempt(db: Database, payer: CardPayer, orderId: string, now: Date) {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Order" WHERE "id" = ${orderId} AND "buyerCompanyId" = ${payer.companyId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "There is no such order in your company.");
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { status: true, paymentMethod: true, totalCents: true, currency: true },
    });
    if (order.status !== "AWAITING_PAYMENT")
      throw new AppError(
        "invalid_state_transition",
        order.status === "CANCELLED"
          ? "This order was cancelled; it takes no payment."
          : order.status === "AWAITING_APPROVAL"
            ? "This order waits for your company's approver; pay once it is approved."
            : "This order is paid already.",
      );
    if (order.paymentMethod !== "CARD")
      throw new AppError("invalid_state_transition", "This order is paid by invoice, not by card.");
    const include = {
      order: {
        include: {
          placedBy: { select: { email: true } },
          lines: { include: { part: { select: { originalFileName: true } } }, orderBy: { createdAt: "asc" } },
        },
      },
    } as const;
    const processing = await tx.payment.count({ where: { orderId, method: "CARD", status: "PROCESSING" } });
    if (processing > 0) throw new AppError("conflict", processingMessage);
    const open = await tx.payment.findFirst({
      where: { orderId, method: "CARD", status: "PENDING" },
      orderBy: { createdAt: "desc" },
      include,
    });
    if (open) return open;
    const attempts = await tx.payment.count({ where: { orderId } });
    const payment = await tx.payment.create({
      data: {
        orderId,
        method: "CARD",
        amountCents: order.totalCents,
        currency: order.currency,
        idempotencyKey: `checkout-${orderId}-${attempts + 1}`,
        createdAt: now,
      },
      include,
    });
    await recordAuditLog(tx, {
      actorUserId: payer.userId,
      companyId: payer.companyId,
      action: "payment.checkout-started",
      entityType: "Payment",
      entityId: payment.id,
      data: { orderId, attempt: attempts + 1, amountCents: order.totalCents },
    });
    return payment;
  });
}

/**
 * The session's parameters, all derived from the stored attempt so a retry sends the very same request
 * (Stripe refuses an idempotency key reused with other parameters). One item per order line at its frozen
 * total and one for VAT, so Stripe's total is the order's total to the cent; lines past Checkout's
 * limit are grouped (checkoutLineItems). The payment methods are a filter on those switched on in the
 * Dashboard: card unless STRIPE_CHECKOUT_PAYMENT_METHODS says more (decision 0029).
 */
function checkoutParams(payment: PaymentAttempt, expiresAtMs: number): Stripe.Checkout.SessionCreateParams {
  const { order } = payment;
  const currency = order.currency.toLowerCase();
  const metadata = { orderId: order.id, orderNumber: order.number, paymentId: payment.id };
  return {
    mode: "payment",
    client_reference_id: order.id,
    customer_email: order.placedBy.email,
    expires_at: Math.floor(expiresAtMs / 1000),
    allowed_payment_method_types: getEnv().STRIPE_CHECKOUT_PAYMENT_METHODS,
    line_items: checkoutLineItems(
      order.lines.map((line) => ({
        name: `${line.part.originalFileName}: ${line.quantity} × ${processLabel(line.process)}, ${payment.materialName(line.materialCode)}`,
        totalCents: line.totalPriceCents,
      })),
      order.vatCents,
      currency,
    ),
    metadata,
    payment_intent_data: { metadata, transfer_group: `order_${order.id}` },
    success_url: `${appUrl()}/orders/${order.id}?payment=returned`,
    cancel_url: `${appUrl()}/orders/${order.id}?payment=cancelled`,
  };
}
