import type Stripe from "stripe";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { formatDeadline } from "../dates/format-deadline";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { checkoutLineItems } from "../payments/checkout-line-items";
import { cardPaymentClosedReason } from "../payments/payment-methods-open";
import { getStripe } from "../payments/stripe-client";
import { openCheckoutSession } from "../payments/open-checkout-session";
import { buyerPriceChange } from "./buyer-price-change";

/** Stripe lets a Checkout Session live between 30 minutes and 24 hours. */
const shortestSessionMs = 31 * 60_000;
const longestSessionMs = 23 * 3_600_000;
/** A payment page too close to its end gets a new session rather than one about to expire. */
const minimumRemainingMs = 10 * 60_000;

/**
 * The buyer accepts a counteroffer's higher price on a card or prepayment order by paying the difference
 * (docs/decisions/0047): a Checkout Session for the difference (net and VAT at the order's rate), card
 * only, as the deadline leaves no time for a bank to confirm a debit. Like the order's own checkout
 * (`startCardCheckout`), each attempt is a Payment row written before Stripe is called, whose idempotency
 * key the session is created with, so a retry after a lost answer gets the same session; an open session
 * is reused. Only the verified webhook accepts the counteroffer (`confirmSupplementPayment`).
 */
export async function startSupplementCheckout(
  db: Database,
  payer: { userId: string; companyId: string },
  counterofferId: string,
  now = new Date(),
): Promise<{ url: string }> {
  const stripe = getStripe();
  if (!stripe) throw new AppError("service_unavailable", cardPaymentClosedReason);
  return openCheckoutSession(db, stripe, {
    now,
    currentAttempt: () => currentAttempt(db, payer, counterofferId, now),
    lifetimeMs: (payment) => payment.lifetimeMs,
    minimumRemainingMs,
    params: sessionParams,
    completeMessage: () =>
      "Your payment went through; we are confirming it with Stripe. This page updates in a moment.",
  });
}

type Attempt = Awaited<ReturnType<typeof currentAttempt>>;

/** The counteroffer's open payment attempt, made if there is none; refuses what cannot be paid now. */
async function currentAttempt(
  db: Database,
  payer: { userId: string; companyId: string },
  counterofferId: string,
  now: Date,
) {
  return db.$transaction(async (tx) => {
    // The line, the offer, the counteroffer: the order the decision and the deadline job lock them in.
    await tx.$queryRaw`SELECT 1 FROM "OrderLine" WHERE "id" = (SELECT o."orderLineId" FROM "Offer" o JOIN "Counteroffer" k ON k."offerId" = o."id" WHERE k."id" = ${counterofferId}) FOR UPDATE`;
    await tx.$queryRaw`SELECT 1 FROM "Offer" WHERE "id" = (SELECT "offerId" FROM "Counteroffer" WHERE "id" = ${counterofferId}) FOR UPDATE`;
    await tx.$queryRaw`SELECT 1 FROM "Counteroffer" WHERE "id" = ${counterofferId} FOR UPDATE`;
    const counteroffer = await tx.counteroffer.findUnique({
      where: { id: counterofferId },
      include: {
        offer: {
          select: {
            orderLine: {
              select: {
                quantity: true,
                part: { select: { originalFileName: true } },
                order: {
                  select: {
                    id: true,
                    number: true,
                    buyerCompanyId: true,
                    paymentMethod: true,
                    currency: true,
                    placedBy: { select: { email: true } },
                  },
                },
              },
            },
          },
        },
      },
    });
    const order = counteroffer?.offer.orderLine.order;
    if (!counteroffer || order?.buyerCompanyId !== payer.companyId)
      throw new AppError("not_found", "There is no such counteroffer on your orders.");
    const { buyerPreviousNetCents, buyerNetCents, buyerVatPercent } = counteroffer;
    if (buyerPreviousNetCents === null || buyerNetCents === null || buyerVatPercent === null)
      throw new AppError(
        "invalid_state_transition",
        "This counteroffer does not change your price; nothing to pay.",
      );
    if (order.paymentMethod === "INVOICE")
      throw new AppError(
        "invalid_state_transition",
        "This order is paid by invoice: accept the counteroffer and we send you a supplementary invoice.",
      );
    if (counteroffer.status !== "AWAITING_BUYER" || !counteroffer.decideBy || counteroffer.decideBy <= now)
      throw new AppError(
        "invalid_state_transition",
        counteroffer.status === "ACCEPTED"
          ? "You paid the difference already; the partner is making your parts."
          : counteroffer.status === "WITHDRAWN"
            ? "This counteroffer was withdrawn (the order was cancelled or the line moved to another partner)."
            : "The time to decide has passed: the counteroffer was declined and the line goes to another partner at your price.",
      );
    const processing = await tx.payment.count({ where: { counterofferId, status: "PROCESSING" } });
    if (processing > 0) throw new AppError("conflict", "Your payment is processing; you need not pay again.");
    const lifetimeMs = Math.min(
      longestSessionMs,
      Math.max(shortestSessionMs, counteroffer.decideBy.getTime() - now.getTime()),
    );
    const line = counteroffer.offer.orderLine;
    const context = { order, line, buyerPreviousNetCents, buyerNetCents, buyerVatPercent, counterofferId };
    const open = await tx.payment.findFirst({
      where: { counterofferId, status: "PENDING" },
      orderBy: { createdAt: "desc" },
    });
    // A stored attempt keeps the lifetime it was created with, so a retry sends the very same request.
    if (open)
      return {
        ...open,
        ...context,
        lifetimeMs: Math.min(
          longestSessionMs,
          Math.max(shortestSessionMs, counteroffer.decideBy.getTime() - open.createdAt.getTime()),
        ),
      };
    const { difference } = buyerPriceChange(buyerPreviousNetCents, buyerNetCents, buyerVatPercent);
    const attempts = await tx.payment.count({ where: { counterofferId } });
    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        counterofferId,
        method: "CARD",
        amountCents: difference.grossCents,
        currency: order.currency,
        idempotencyKey: `counteroffer-${counterofferId}-${attempts + 1}`,
        createdAt: now,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: payer.userId,
      companyId: payer.companyId,
      action: "counteroffer.payment-started",
      entityType: "Counteroffer",
      entityId: counterofferId,
      data: {
        orderNumber: order.number,
        paymentId: payment.id,
        attempt: attempts + 1,
        amountCents: difference.grossCents,
        decideBy: formatDeadline(counteroffer.decideBy),
      },
    });
    return { ...payment, ...context, lifetimeMs };
  });
}

/** The session, all from the stored attempt (Stripe refuses a reused idempotency key with other parameters). */
function sessionParams(attempt: Attempt, expiresAtMs: number): Stripe.Checkout.SessionCreateParams {
  const { order, line } = attempt;
  const { difference } = buyerPriceChange(
    attempt.buyerPreviousNetCents,
    attempt.buyerNetCents,
    attempt.buyerVatPercent,
  );
  const currency = order.currency.toLowerCase();
  const metadata = {
    orderId: order.id,
    orderNumber: order.number,
    paymentId: attempt.id,
    counterofferId: attempt.counterofferId,
  };
  const back = `${appUrl()}/orders/${order.id}`;
  return {
    mode: "payment",
    client_reference_id: order.id,
    customer_email: order.placedBy.email,
    expires_at: Math.floor(expiresAtMs / 1000),
    allowed_payment_method_types: ["card"],
    line_items: checkoutLineItems(
      [
        {
          name: `Price difference, ${line.part.originalFileName}: ${line.quantity} parts (the partner's counteroffer)`,
          totalCents: difference.netCents,
        },
      ],
      difference.vatCents,
      currency,
    ),
    metadata,
    payment_intent_data: { metadata, transfer_group: `order_${order.id}` },
    success_url: `${back}?payment=returned#counteroffer-${attempt.counterofferId}`,
    cancel_url: `${back}?payment=cancelled#counteroffer-${attempt.counterofferId}`,
  };
}
