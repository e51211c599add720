import { checkParams } from "./check-params";
import { createPlatformBalance } from "./create-platform-balance";
import { createTransferReversal } from "./create-transfer-reversal";
import { checkLineItemCount, checkoutPaymentMethods } from "./checkout-payment-methods";
import {
  completeUnpaid,
  pendingDebitCharge,
  settleDelayedPayment,
  type DelayedOutcome,
} from "./delayed-payments";
import { formatMoney } from "./format-money";
import {
  accountLinkSchema,
  accountSchema,
  checkoutSessionSchema,
  expandOnly,
  refundSchema,
  transferListSchema,
  transferSchema,
} from "./param-schemas";
import { ParamReader } from "./param-reader";
import type { FormObject } from "./parse-form-body";
import { randomId } from "./random-id";
import { settleRefund as settleRefundStatus, type RefundMode, type RefundSettlement } from "./settle-refund";
import { StripeApiError } from "./stripe-api-error";
import type {
  Account,
  AccountLink,
  CapabilityStatus,
  Charge,
  CheckoutLineItem,
  CheckoutSession,
  Metadata,
  PaymentIntent,
  Refund,
  Requirements,
  StripeList,
  StripeObject,
  Transfer,
} from "./stripe-objects";

export interface StripeLedgerOptions {
  baseUrl: () => string;
  /** Unix seconds on the fake's clock, which tests may move forward. */
  now: () => number;
  merchantName: string;
  emit: (type: string, object: StripeObject, previousAttributes?: Record<string, unknown>) => void;
  /** How long a card charge stays pending before it is available (7 days unless told otherwise). */
  chargeAvailableAfterSeconds?: number;
  /** How new refunds come back: `pending` (settled later by the test) or `succeed-at-once`. */
  refundMode?: () => RefundMode;
}

/** What a buyer typed on the hosted payment page. */
export interface CardDetails {
  email: string;
  name: string;
  /** "card" unless the buyer picked SEPA Direct Debit (then `iban` counts, not the card fields). */
  paymentMethod?: "card" | "sepa_debit";
  iban?: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
}

/** `paid: true` also for a delayed method's unpaid completion: the page then returns to success_url, as Stripe's does. */
export type PaymentOutcome =
  { paid: true; session: CheckoutSession } | { paid: false; message: string; session: CheckoutSession };

export interface OnboardingLink {
  token: string;
  account: string;
  refreshUrl: string;
  returnUrl: string;
  expiresAt: number;
  used: boolean;
}

export interface FakeStripeState {
  checkoutSessions: ReadonlyMap<string, CheckoutSession>;
  paymentIntents: ReadonlyMap<string, PaymentIntent>;
  charges: ReadonlyMap<string, Charge>;
  refunds: ReadonlyMap<string, Refund>;
  accounts: ReadonlyMap<string, Account>;
  transfers: ReadonlyMap<string, Transfer>;
}

export type StripeLedger = ReturnType<typeof createStripeLedger>;

// Stripe's minimum charge amounts for the currencies a European marketplace meets.
const minimumChargeAmounts: Record<string, number> = { eur: 50, usd: 50, gbp: 30, chf: 50 };

const countryCurrencies: Record<string, string> = {
  US: "usd",
  GB: "gbp",
  CH: "chf",
  SE: "sek",
  DK: "dkk",
  PL: "pln",
};

// Test cards that Stripe declines, with what Stripe tells the buyer.
const declinedCards: Record<string, { code: string; declineCode?: string; message: string }> = {
  "4000000000000002": {
    code: "card_declined",
    declineCode: "generic_decline",
    message: "Your card was declined.",
  },
  "4000000000009995": {
    code: "card_declined",
    declineCode: "insufficient_funds",
    message: "Your card has insufficient funds.",
  },
  "4000000000000069": { code: "expired_card", message: "Your card has expired." },
  "4000000000000127": { code: "incorrect_cvc", message: "Your card's security code is incorrect." },
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The fake's objects and what Stripe does to them. Every operation either completes synchronously or
 * throws a StripeApiError before changing anything, so a request's effects and events are all-or-nothing.
 */
export function createStripeLedger({
  baseUrl,
  now,
  merchantName,
  emit,
  chargeAvailableAfterSeconds,
  refundMode,
}: StripeLedgerOptions) {
  // The platform's available and pending funds (create-platform-balance.ts).
  const balance = createPlatformBalance({ now, chargeAvailableAfterSeconds });
  const checkoutSessions = new Map<string, CheckoutSession>();
  const lineItems = new Map<string, CheckoutLineItem[]>();
  const paymentIntentData = new Map<string, PaymentIntentTemplate>();
  const paymentIntents = new Map<string, PaymentIntent>();
  const charges = new Map<string, Charge>();
  const refunds = new Map<string, Refund>();
  const accounts = new Map<string, Account>();
  const onboardingLinks = new Map<string, OnboardingLink>();
  const transfers = new Map<string, Transfer>();

  interface PaymentIntentTemplate {
    metadata: Metadata;
    transferGroup: string | null;
    description: string | null;
    receiptEmail: string | null;
    statementDescriptor: string | null;
    statementDescriptorSuffix: string | null;
  }

  function findObject(id: string): StripeObject | undefined {
    return (
      checkoutSessions.get(id) ??
      paymentIntents.get(id) ??
      charges.get(id) ??
      refunds.get(id) ??
      accounts.get(id) ??
      transfers.get(id)
    );
  }

  /** `apiVersion`: the request's Stripe-Version, which decides the parameters Stripe takes. */
  function createCheckoutSession(params: FormObject, apiVersion: string): CheckoutSession {
    checkParams(params, checkoutSessionSchema, "POST /v1/checkout/sessions");
    const p = new ParamReader(params);
    const mode = p.oneOf("mode", ["payment", "setup", "subscription"]);
    if (!mode) throw StripeApiError.missingParam("mode");
    if (mode !== "payment")
      throw StripeApiError.invalidParam("mode", "The fake Stripe only implements Checkout in payment mode.");
    const uiMode = p.oneOf("ui_mode", ["hosted", "embedded", "custom", "hosted_page", "embedded_page"]);
    if (uiMode && uiMode !== "hosted")
      throw StripeApiError.invalidParam("ui_mode", "The fake Stripe only implements hosted Checkout.");

    const created = now();
    const items = p.objects("line_items") ?? [];
    if (items.length === 0) throw StripeApiError.missingParam("line_items");
    checkLineItemCount(items.length);
    const sessionLineItems = items.map((item): CheckoutLineItem => {
      const priceData = item.object("price_data");
      if (!priceData) throw StripeApiError.missingParam(item.path("price_data"));
      const currency = priceData.requiredCurrency("currency");
      const unitAmount = priceData.requiredInteger("unit_amount", { min: 1 });
      const productData = priceData.object("product_data");
      if (!productData) throw StripeApiError.missingParam(priceData.path("product_data"));
      const name = productData.requiredString("name");
      const quantity = item.requiredInteger("quantity", { min: 1 });
      return {
        id: randomId("li_1"),
        object: "item",
        amount_discount: 0,
        amount_subtotal: unitAmount * quantity,
        amount_tax: 0,
        amount_total: unitAmount * quantity,
        currency,
        description: name,
        quantity,
        price: {
          id: randomId("price_1"),
          object: "price",
          active: false,
          created,
          currency,
          livemode: false,
          metadata: {},
          product: randomId("prod_", 14),
          type: "one_time",
          unit_amount: unitAmount,
        },
      };
    });
    const currencies = new Set(sessionLineItems.map((item) => item.currency));
    const currency = p.currency("currency") ?? sessionLineItems[0]?.currency ?? "eur";
    if (currencies.size > 1 || !currencies.has(currency))
      throw StripeApiError.invalidParam(
        "line_items",
        "All line items must use the same currency as the session.",
      );
    const methods = checkoutPaymentMethods(p, apiVersion, currency);
    const successUrl = p.url("success_url");
    if (!successUrl) throw StripeApiError.missingParam("success_url");
    const cancelUrl = p.url("cancel_url") ?? null;
    const customerEmail = p.string("customer_email") ?? null;
    if (customerEmail !== null && !emailPattern.test(customerEmail))
      throw StripeApiError.invalidParam(
        "customer_email",
        `Invalid email address: ${customerEmail}`,
        "email_invalid",
      );
    const clientReferenceId = p.string("client_reference_id") ?? null;
    if (clientReferenceId !== null && clientReferenceId.length > 200)
      throw StripeApiError.invalidParam(
        "client_reference_id",
        "client_reference_id must be at most 200 characters long.",
      );
    const metadata = p.metadata();
    const intentData = p.object("payment_intent_data");
    const template: PaymentIntentTemplate = {
      metadata: intentData?.metadata() ?? {},
      transferGroup: intentData?.string("transfer_group") ?? null,
      description: intentData?.string("description") ?? null,
      receiptEmail: intentData?.string("receipt_email") ?? null,
      statementDescriptor: intentData?.string("statement_descriptor") ?? null,
      statementDescriptorSuffix: intentData?.string("statement_descriptor_suffix") ?? null,
    };
    const expiresAt = p.integer("expires_at") ?? created + 24 * 60 * 60;
    if (expiresAt < created + 30 * 60)
      throw StripeApiError.invalidParam(
        "expires_at",
        "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
      );
    if (expiresAt > created + 24 * 60 * 60)
      throw StripeApiError.invalidParam(
        "expires_at",
        "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
      );
    const amountTotal = sessionLineItems.reduce((sum, item) => sum + item.amount_total, 0);
    const minimum = minimumChargeAmounts[currency] ?? 50;
    if (amountTotal < minimum)
      throw StripeApiError.invalidParam(
        "line_items",
        `The Checkout Session's total amount due must add up to at least ${formatMoney(minimum, currency)} ${currency}`,
        "amount_too_small",
      );

    const id = randomId("cs_test_a1", 56);
    const session: CheckoutSession = {
      id,
      object: "checkout.session",
      after_expiration: null,
      allow_promotion_codes: null,
      amount_subtotal: amountTotal,
      amount_total: amountTotal,
      automatic_tax: { enabled: false, liability: null, status: null },
      billing_address_collection: null,
      cancel_url: cancelUrl,
      client_reference_id: clientReferenceId,
      client_secret: null,
      created,
      currency,
      customer: null,
      customer_creation: "if_required",
      customer_details: null,
      customer_email: customerEmail,
      expires_at: expiresAt,
      invoice: null,
      livemode: false,
      locale: p.string("locale") ?? null,
      metadata,
      mode: "payment",
      payment_intent: null,
      payment_link: null,
      payment_method_collection: "if_required",
      allowed_payment_method_types: methods.allowed,
      payment_method_types: methods.paymentMethodTypes,
      payment_status: "unpaid",
      status: "open",
      submit_type: p.string("submit_type") ?? null,
      success_url: successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: "hosted",
      url: `${baseUrl()}/pay/${id}`,
    };
    checkoutSessions.set(id, session);
    lineItems.set(id, sessionLineItems);
    paymentIntentData.set(id, template);
    return session;
  }

  function checkoutSession(id: string): CheckoutSession {
    const session = checkoutSessions.get(id);
    if (!session) throw StripeApiError.resourceMissing("checkout.session", id);
    return session;
  }

  function expire(session: CheckoutSession) {
    session.status = "expired";
    session.url = null;
    const intent = session.payment_intent ? paymentIntents.get(session.payment_intent) : undefined;
    // An abandoned session cancels the payment intent of an earlier declined attempt, as Stripe does.
    if (intent && intent.status === "requires_payment_method") {
      intent.status = "canceled";
      intent.canceled_at = now();
      intent.cancellation_reason = "abandoned";
      emit("payment_intent.canceled", intent);
    }
    emit("checkout.session.expired", session);
  }

  function expireCheckoutSession(id: string, params: FormObject): CheckoutSession {
    checkParams(params, expandOnly, "POST /v1/checkout/sessions/:id/expire");
    const session = checkoutSession(id);
    if (session.status !== "open")
      throw StripeApiError.refused(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
        { code: "checkout_session_not_open" },
      );
    expire(session);
    return session;
  }

  /** Stripe expires sessions soon after `expires_at`; the fake does it whenever it is next asked anything. */
  function expireDueSessions() {
    for (const session of checkoutSessions.values())
      if (session.status === "open" && now() >= session.expires_at) expire(session);
  }

  function payCheckoutSession(id: string, card: CardDetails): PaymentOutcome {
    const session = checkoutSession(id);
    if (session.status !== "open") throw new Error(`Checkout session ${id} is ${session.status}, not open`);
    const refuse = (message: string): PaymentOutcome => ({ paid: false, message, session });
    const email = card.email.trim();
    if (!emailPattern.test(email)) return refuse("Your email address is invalid.");
    if (card.paymentMethod === "sepa_debit") return payByDebit(session, card, email, refuse);
    const digits = card.cardNumber.replace(/[\s-]/g, "");
    // Checks Stripe's page makes in the browser: nothing reaches the API, nothing is created.
    if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) return refuse("Your card number is invalid.");
    const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(card.expiry.trim());
    const expMonth = Number(expiry?.[1]);
    const expYear = expiry?.[2]?.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry?.[2]);
    if (!expiry || expMonth < 1 || expMonth > 12) return refuse("Your card's expiration date is incomplete.");
    const today = new Date(now() * 1000);
    if (expYear * 12 + expMonth < today.getUTCFullYear() * 12 + today.getUTCMonth() + 1)
      return refuse("Your card's expiration year is in the past.");
    if (!/^\d{3,4}$/.test(card.cvc.trim())) return refuse("Your card's security code is incomplete.");

    const name = card.name.trim() || null;
    const created = now();
    const intent = openIntent(session, created);
    const decline = declinedCards[digits];
    const paymentMethod = randomId("pm_1");
    const chargeId = randomId("ch_3");
    const charge: Charge = {
      id: chargeId,
      object: "charge",
      amount: intent.amount,
      amount_captured: decline ? 0 : intent.amount,
      amount_refunded: 0,
      balance_transaction: decline ? null : randomId("txn_3"),
      billing_details: { address: null, email, name, phone: null },
      calculated_statement_descriptor: merchantName.toUpperCase().slice(0, 22),
      captured: !decline,
      created,
      currency: intent.currency,
      customer: null,
      description: intent.description,
      disputed: false,
      failure_code: decline?.code ?? null,
      failure_message: decline?.message ?? null,
      livemode: false,
      metadata: { ...intent.metadata },
      outcome: decline
        ? {
            network_status: "declined_by_network",
            reason: decline.declineCode ?? decline.code,
            risk_level: "normal",
            seller_message: "The bank did not return any further details with this decline.",
            type: "issuer_declined",
          }
        : {
            network_status: "approved_by_network",
            reason: null,
            risk_level: "normal",
            seller_message: "Payment complete.",
            type: "authorized",
          },
      paid: !decline,
      payment_intent: intent.id,
      payment_method: paymentMethod,
      payment_method_details: {
        type: "card",
        card: {
          brand: cardBrand(digits),
          country: "US",
          exp_month: expMonth,
          exp_year: expYear,
          funding: "credit",
          last4: digits.slice(-4),
        },
      },
      receipt_email: intent.receipt_email,
      receipt_url: `${baseUrl()}/receipts/${chargeId}`,
      refunded: false,
      status: decline ? "failed" : "succeeded",
      transfer_group: intent.transfer_group,
    };
    charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    intent.payment_method = paymentMethod;

    if (decline) {
      intent.last_payment_error = {
        type: "card_error",
        code: decline.code,
        ...(decline.declineCode ? { decline_code: decline.declineCode } : {}),
        message: decline.message,
        charge: charge.id,
      };
      emit("charge.failed", charge);
      emit("payment_intent.payment_failed", intent);
      return refuse(decline.message);
    }

    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    session.status = "complete";
    session.payment_status = "paid";
    session.url = null;
    session.customer_details = { address: null, email, name, phone: null, tax_exempt: "none", tax_ids: [] };
    balance.chargeSucceeded(charge, digits);
    emit("charge.succeeded", charge);
    emit("payment_intent.succeeded", intent);
    emit("checkout.session.completed", session);
    return { paid: true, session };
  }

  /** SEPA Direct Debit: the session completes unpaid and the bank answers later (settleCheckoutPayment). */
  function payByDebit(
    session: CheckoutSession,
    details: CardDetails,
    email: string,
    refuse: (message: string) => PaymentOutcome,
  ): PaymentOutcome {
    if (!session.payment_method_types.includes("sepa_debit"))
      return refuse("SEPA Direct Debit is not offered for this payment.");
    const iban = (details.iban ?? "").replace(/\s/g, "").toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return refuse("Your IBAN is incomplete.");
    const name = details.name.trim() || null;
    if (!name) return refuse("Enter the account holder's name.");
    const created = now();
    const intent = openIntent(session, created);
    intent.payment_method = randomId("pm_1");
    const descriptor = merchantName.toUpperCase().slice(0, 22);
    const charge = pendingDebitCharge(intent, { email, name, iban, created, descriptor });
    charges.set(charge.id, charge);
    completeUnpaid(session, intent, charge, { email, name }, emit);
    return { paid: true, session };
  }

  /** The bank's answer to a delayed payment: the session's async_payment_succeeded or _failed. */
  function settleCheckoutPayment(sessionId: string, outcome?: DelayedOutcome): CheckoutSession {
    const session = checkoutSession(sessionId);
    const intent = session.payment_intent ? paymentIntents.get(session.payment_intent) : undefined;
    const charge = intent?.latest_charge ? charges.get(intent.latest_charge) : undefined;
    return settleDelayedPayment(session, intent, charge, outcome, emit);
  }

  /** The session's payment intent, made on the first payment attempt. */
  function openIntent(session: CheckoutSession, created: number): PaymentIntent {
    const template = paymentIntentData.get(session.id);
    let intent = session.payment_intent ? paymentIntents.get(session.payment_intent) : undefined;
    if (!intent) {
      const intentId = randomId("pi_3");
      intent = {
        id: intentId,
        object: "payment_intent",
        amount: session.amount_total,
        amount_capturable: 0,
        amount_received: 0,
        application_fee_amount: null,
        canceled_at: null,
        cancellation_reason: null,
        capture_method: "automatic_async",
        client_secret: `${intentId}_secret_${randomId("", 25)}`,
        confirmation_method: "automatic",
        created,
        currency: session.currency,
        customer: null,
        description: template?.description ?? null,
        last_payment_error: null,
        latest_charge: null,
        livemode: false,
        metadata: { ...template?.metadata },
        next_action: null,
        on_behalf_of: null,
        payment_method: null,
        payment_method_types: ["card"],
        receipt_email: template?.receiptEmail ?? null,
        statement_descriptor: template?.statementDescriptor ?? null,
        statement_descriptor_suffix: template?.statementDescriptorSuffix ?? null,
        status: "requires_payment_method",
        transfer_data: null,
        transfer_group: template?.transferGroup ?? null,
      };
      paymentIntents.set(intentId, intent);
      session.payment_intent = intentId;
    }
    return intent;
  }

  function retrieve<T>(map: ReadonlyMap<string, T>, objectName: string, id: string, params: FormObject): T {
    checkParams(params, expandOnly, `retrieving a ${objectName}`);
    const object = map.get(id);
    if (!object) throw StripeApiError.resourceMissing(objectName, id);
    return object;
  }

  function createRefund(params: FormObject): Refund {
    checkParams(params, refundSchema, "POST /v1/refunds");
    const p = new ParamReader(params);
    const intentId = p.string("payment_intent");
    const chargeId = p.string("charge");
    const requestedAmount = p.integer("amount", { min: 1 });
    const reason = p.oneOf("reason", ["duplicate", "fraudulent", "requested_by_customer"]) ?? null;
    const metadata = p.metadata();
    if (!intentId && !chargeId)
      throw new StripeApiError(400, {
        type: "invalid_request_error",
        code: "parameter_missing",
        message: "One of the following params should be provided for this request: payment_intent or charge.",
      });
    let charge: Charge | undefined;
    if (intentId) {
      const intent = paymentIntents.get(intentId);
      if (!intent) throw StripeApiError.resourceMissing("payment_intent", intentId, "payment_intent");
      charge =
        intent.status === "succeeded" && intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
      if (!charge)
        throw StripeApiError.refused("This PaymentIntent does not have a successful charge to refund.", {
          param: "payment_intent",
        });
      if (chargeId && chargeId !== charge.id)
        throw StripeApiError.invalidParam(
          "charge",
          `Charge ${chargeId} does not belong to PaymentIntent ${intentId}.`,
        );
    } else if (chargeId) {
      charge = charges.get(chargeId);
      if (!charge) throw StripeApiError.resourceMissing("charge", chargeId, "charge");
      if (charge.status !== "succeeded")
        throw StripeApiError.refused(`Charge ${charge.id} has not succeeded and cannot be refunded.`);
    }
    if (!charge) throw new Error("unreachable: a refund without a charge");
    const unrefunded = charge.amount - charge.amount_refunded;
    if (unrefunded === 0)
      throw StripeApiError.refused(`Charge ${charge.id} has already been refunded.`, {
        code: "charge_already_refunded",
      });
    const amount = requestedAmount ?? unrefunded;
    if (amount > unrefunded)
      throw StripeApiError.refused(
        `Refund amount (${formatMoney(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMoney(unrefunded, charge.currency)})`,
        { param: "amount" },
      );

    const refund: Refund = {
      id: randomId("re_3"),
      object: "refund",
      amount,
      balance_transaction: randomId("txn_3"),
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      destination_details: {
        type: "card",
        card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" },
      },
      metadata,
      payment_intent: charge.payment_intent,
      reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: refundMode?.() === "succeed-at-once" ? "succeeded" : "pending",
      transfer_reversal: null,
      next_action: null,
    };
    // A waiting refund already counts on the charge (`amount_refunded`); a failure gives it back.
    if (refund.status === "pending") refund.pending_reason = "processing";
    refunds.set(refund.id, refund);
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    emit("refund.created", refund);
    emit("charge.refunded", charge, previous);
    return refund;
  }

  function createAccount(params: FormObject): Account {
    checkParams(params, accountSchema, "POST /v1/accounts");
    const p = new ParamReader(params);
    const dashboard = p
      .object("controller")
      ?.object("stripe_dashboard")
      ?.oneOf("type", ["express", "full", "none"]);
    const type =
      p.oneOf("type", ["express", "standard", "custom"]) ??
      (dashboard === "express" ? "express" : dashboard === "none" ? "custom" : "standard");
    const country = (p.string("country") ?? "DE").toUpperCase();
    if (!/^[A-Z]{2}$/.test(country))
      throw StripeApiError.invalidParam(
        "country",
        `Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`,
      );
    const email = p.string("email") ?? null;
    if (email !== null && !emailPattern.test(email))
      throw StripeApiError.invalidParam("email", `Invalid email address: ${email}`, "email_invalid");
    const businessType = p.oneOf("business_type", [
      "individual",
      "company",
      "non_profit",
      "government_entity",
    ]);
    const profile = p.object("business_profile");
    const capabilities: Record<string, CapabilityStatus> = {};
    const requested = p.object("capabilities");
    for (const name of requested?.keys() ?? []) {
      const capability = requested?.object(name);
      if (!capability) throw StripeApiError.invalidParam(requested?.path(name) ?? name, "Invalid hash");
      if (capability.boolean("requested")) capabilities[name] = "inactive";
    }
    const serviceAgreement =
      p.object("tos_acceptance")?.oneOf("service_agreement", ["full", "recipient"]) ?? "full";
    // Stripe: accounts under the recipient service agreement cannot process payments.
    if (serviceAgreement === "recipient" && "card_payments" in capabilities)
      throw StripeApiError.invalidParam(
        "capabilities[card_payments]",
        "Accounts under the `recipient` service agreement cannot request the `card_payments` capability.",
      );
    const defaultCurrency = p.currency("default_currency") ?? countryCurrencies[country] ?? "eur";
    const metadata = p.metadata();
    const business_profile = {
      mcc: profile?.string("mcc") ?? null,
      name: profile?.string("name") ?? null,
      product_description: profile?.string("product_description") ?? null,
      support_email: profile?.string("support_email") ?? null,
      url: profile?.string("url") ?? null,
    };
    const due = requirementsFor(businessType ?? null, business_profile);
    const account: Account = {
      id: randomId("acct_1", 15),
      object: "account",
      business_profile,
      business_type: businessType ?? null,
      capabilities,
      charges_enabled: false,
      controller: { is_controller: true, type: "application" },
      country,
      created: now(),
      default_currency: defaultCurrency,
      details_submitted: false,
      email,
      external_accounts: { object: "list", data: [], has_more: false, total_count: 0, url: "" },
      future_requirements: requirements([]),
      metadata,
      payouts_enabled: false,
      requirements: requirements(due),
      tos_acceptance: { date: null, service_agreement: serviceAgreement },
      type,
    };
    account.external_accounts.url = `/v1/accounts/${account.id}/external_accounts`;
    accounts.set(account.id, account);
    return account;
  }

  function createAccountLink(params: FormObject): AccountLink {
    checkParams(params, accountLinkSchema, "POST /v1/account_links");
    const p = new ParamReader(params);
    const accountId = p.requiredString("account");
    const type = p.oneOf("type", ["account_onboarding", "account_update"]);
    if (!type) throw StripeApiError.missingParam("type");
    const refreshUrl = p.url("refresh_url");
    if (!refreshUrl) throw StripeApiError.missingParam("refresh_url");
    const returnUrl = p.url("return_url");
    if (!returnUrl) throw StripeApiError.missingParam("return_url");
    const account = accounts.get(accountId);
    if (!account) throw StripeApiError.resourceMissing("account", accountId, "account");
    if (type === "account_update" && account.type !== "custom")
      throw StripeApiError.refused(
        "You cannot create `account_update` type Account Links for this account.",
        {
          param: "type",
        },
      );
    const created = now();
    // Stripe's links are single-use and expire after five minutes; the token lets the page honour that.
    const link: OnboardingLink = {
      token: randomId("", 32),
      account: account.id,
      refreshUrl,
      returnUrl,
      expiresAt: created + 300,
      used: false,
    };
    onboardingLinks.set(link.token, link);
    return {
      object: "account_link",
      created,
      expires_at: link.expiresAt,
      url: `${baseUrl()}/connect/onboarding/${account.id}?link=${link.token}`,
    };
  }

  function completeOnboarding(accountId: string): Account {
    const account = accounts.get(accountId);
    if (!account) throw new Error(`No such account: '${accountId}'`);
    if (
      account.details_submitted &&
      Object.values(account.capabilities).every((status) => status === "active")
    )
      return account;
    const previous = {
      details_submitted: account.details_submitted,
      charges_enabled: account.charges_enabled,
      payouts_enabled: account.payouts_enabled,
      capabilities: { ...account.capabilities },
      requirements: structuredClone(account.requirements),
      tos_acceptance: { ...account.tos_acceptance },
    };
    account.details_submitted = true;
    account.charges_enabled = true;
    account.payouts_enabled = true;
    // Only what the platform requested becomes active: an account created without transfers stays without.
    for (const name of Object.keys(account.capabilities)) account.capabilities[name] = "active";
    account.requirements = requirements([]);
    account.tos_acceptance = { ...account.tos_acceptance, date: now() };
    emit("account.updated", account, previous);
    return account;
  }

  function createTransfer(params: FormObject): Transfer {
    checkParams(params, transferSchema, "POST /v1/transfers");
    const p = new ParamReader(params);
    const amount = p.requiredInteger("amount", { min: 1 });
    const currency = p.requiredCurrency("currency");
    const destination = p.requiredString("destination");
    const transferGroup = p.string("transfer_group") ?? null;
    const description = p.string("description") ?? null;
    const sourceTransaction = p.string("source_transaction") ?? null;
    const metadata = p.metadata();
    const account = accounts.get(destination);
    if (!account) throw StripeApiError.resourceMissing("destination", destination, "destination");
    const sourceCharge = sourceTransaction === null ? null : charges.get(sourceTransaction);
    if (sourceCharge === undefined)
      throw StripeApiError.resourceMissing("charge", sourceTransaction ?? "", "source_transaction");
    if (account.capabilities.transfers !== "active")
      throw StripeApiError.refused(
        "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
        { code: "insufficient_capabilities_for_transfer", param: "destination" },
      );
    // Without a source transaction from the available balance, else from that charge's funds.
    balance.fundTransfer(amount, currency, sourceCharge);
    const transfer: Transfer = {
      id: randomId("tr_1"),
      object: "transfer",
      amount,
      amount_reversed: 0,
      balance_transaction: randomId("txn_1"),
      created: now(),
      currency,
      description,
      destination,
      destination_payment: randomId("py_1"),
      livemode: false,
      metadata,
      reversals: { object: "list", data: [], has_more: false, total_count: 0, url: "" },
      reversed: false,
      source_transaction: sourceTransaction,
      source_type: "card",
      transfer_group: transferGroup,
    };
    transfer.reversals.url = `/v1/transfers/${transfer.id}/reversals`;
    transfers.set(transfer.id, transfer);
    emit("transfer.created", transfer);
    return transfer;
  }

  /** Newest first, like every Stripe list. */
  function listTransfers(params: FormObject): StripeList<Transfer> {
    checkParams(params, transferListSchema, "GET /v1/transfers");
    const p = new ParamReader(params);
    const limit = p.integer("limit", { min: 1 }) ?? 10;
    if (limit > 100)
      throw StripeApiError.invalidParam("limit", "This value must be less than or equal to 100.");
    const destination = p.string("destination");
    const transferGroup = p.string("transfer_group");
    const startingAfter = p.string("starting_after");
    const endingBefore = p.string("ending_before");
    const matching = [...transfers.values()]
      .reverse()
      .filter(
        (transfer) =>
          (destination === undefined || transfer.destination === destination) &&
          (transferGroup === undefined || transfer.transfer_group === transferGroup),
      );
    const cursor = startingAfter ?? endingBefore;
    const at = cursor === undefined ? -1 : matching.findIndex((transfer) => transfer.id === cursor);
    if (cursor !== undefined && at < 0)
      throw StripeApiError.resourceMissing(
        "transfer",
        cursor,
        startingAfter ? "starting_after" : "ending_before",
      );
    const window = endingBefore
      ? matching.slice(Math.max(0, at - limit), at)
      : matching.slice(at + 1, at + 1 + limit);
    const hasMore = endingBefore ? at - limit > 0 : at + 1 + limit < matching.length;
    return { object: "list", data: window, has_more: hasMore, url: "/v1/transfers" };
  }

  /** Applies `expand[]` paths ("payment_intent", "payment_intent.latest_charge", "line_items") to a copy. */
  function expand(object: object, paths: string[]): Record<string, unknown> {
    const copy = structuredClone(object) as Record<string, unknown>;
    for (const path of paths) expandPath(copy, path.split("."), path);
    return copy;
  }

  function expandPath(target: Record<string, unknown>, segments: string[], path: string) {
    const [name, ...rest] = segments;
    if (name === undefined) return;
    if (target.object === "list" && name === "data" && Array.isArray(target.data)) {
      for (const element of target.data as Record<string, unknown>[]) expandPath(element, rest, path);
      return;
    }
    const value = target[name];
    if (name === "line_items" && target.object === "checkout.session" && typeof target.id === "string") {
      const data = lineItems.get(target.id) ?? [];
      target.line_items = {
        object: "list",
        data: structuredClone(data),
        has_more: false,
        url: `/v1/checkout/sessions/${target.id}/line_items`,
      };
    } else if (typeof value === "string" && findObject(value)) {
      target[name] = structuredClone(findObject(value));
    } else if (value !== null && typeof value !== "object") {
      throw StripeApiError.invalidParam("expand", `This property cannot be expanded (${path}).`);
    }
    const expanded = target[name];
    if (rest.length > 0 && expanded !== null && typeof expanded === "object")
      expandPath(expanded as Record<string, unknown>, rest, path);
  }

  function onboardingLink(token: string): OnboardingLink | undefined {
    return onboardingLinks.get(token);
  }

  const state: FakeStripeState = { checkoutSessions, paymentIntents, charges, refunds, accounts, transfers };

  return {
    state,
    lineItemsOf: (sessionId: string): readonly CheckoutLineItem[] => lineItems.get(sessionId) ?? [],
    createCheckoutSession,
    retrieveCheckoutSession: (id: string, params: FormObject) =>
      retrieve(checkoutSessions, "checkout.session", id, params),
    expireCheckoutSession,
    expireDueSessions,
    payCheckoutSession,
    settleCheckoutPayment,
    retrievePaymentIntent: (id: string, params: FormObject) =>
      retrieve(paymentIntents, "payment_intent", id, params),
    retrieveCharge: (id: string, params: FormObject) => retrieve(charges, "charge", id, params),
    createRefund,
    retrieveRefund: (id: string, params: FormObject) => retrieve(refunds, "refund", id, params),
    settleRefund(id: string, settlement: RefundSettlement): Refund {
      const refund = refunds.get(id);
      if (!refund) throw new Error(`No such refund: '${id}'`);
      return settleRefundStatus(refund, charges.get(refund.charge), settlement, emit);
    },
    createAccount,
    retrieveAccount: (id: string, params: FormObject) => retrieve(accounts, "account", id, params),
    createAccountLink,
    onboardingLink,
    completeOnboarding,
    createTransfer,
    retrieveTransfer: (id: string, params: FormObject) => retrieve(transfers, "transfer", id, params),
    listTransfers,
    createTransferReversal: (id: string, params: FormObject) =>
      createTransferReversal({ transfers, balance, now, emit }, id, params),
    retrieveBalance: (params: FormObject) => {
      checkParams(params, expandOnly, "GET /v1/balance");
      return balance.retrieve();
    },
    balance,
    expand,
  };
}

function requirements(due: string[]): Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: due.length > 0 ? "requirements.past_due" : null,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  };
}

function requirementsFor(
  businessType: string | null,
  profile: { mcc: string | null; url: string | null },
): string[] {
  const person =
    businessType === "individual"
      ? ["address.city", "address.line1", "address.postal_code", "dob.day", "dob.month", "dob.year", "email"]
          .concat(["first_name", "last_name", "phone"])
          .map((field) => `individual.${field}`)
      : businessType === null
        ? ["business_type"]
        : [
            "company.address.city",
            "company.address.line1",
            "company.address.postal_code",
            "company.name",
            "company.phone",
            "company.tax_id",
            "representative.first_name",
            "representative.last_name",
          ];
  return [
    ...(profile.mcc ? [] : ["business_profile.mcc"]),
    ...(profile.url ? [] : ["business_profile.url"]),
    ...person,
    "external_account",
    "tos_acceptance.date",
    "tos_acceptance.ip",
  ];
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (const [index, character] of [...digits].reverse().entries()) {
    let digit = Number(character);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function cardBrand(digits: string): string {
  if (digits.startsWith("4")) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  return "unknown";
}
