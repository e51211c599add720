// The JSON shapes the fake answers with: the members of Stripe's objects that the product can rely on,
// named and typed as in Stripe's API reference (API version 2026-10-28.endive).

export type Metadata = Record<string, string>;

export interface StripeList<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export interface CheckoutSession {
  id: string;
  object: "checkout.session";
  after_expiration: null;
  allow_promotion_codes: null;
  amount_subtotal: number;
  amount_total: number;
  automatic_tax: { enabled: false; liability: null; status: null };
  billing_address_collection: null;
  cancel_url: string | null;
  client_reference_id: string | null;
  client_secret: null;
  created: number;
  currency: string;
  customer: null;
  customer_creation: "if_required";
  customer_details: CustomerDetails | null;
  customer_email: string | null;
  expires_at: number;
  invoice: null;
  livemode: false;
  locale: string | null;
  metadata: Metadata;
  mode: "payment";
  payment_intent: string | null;
  payment_link: null;
  payment_method_collection: "if_required";
  /** The filter the session was created with (API version 2026-09-30.endive and later), if any. */
  allowed_payment_method_types: string[] | null;
  payment_method_types: string[];
  payment_status: "paid" | "unpaid";
  status: "open" | "complete" | "expired";
  submit_type: string | null;
  success_url: string | null;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  ui_mode: "hosted";
  url: string | null;
}

export interface CustomerDetails {
  address: null;
  email: string;
  name: string | null;
  phone: null;
  tax_exempt: "none";
  tax_ids: [];
}

export interface CheckoutLineItem {
  id: string;
  object: "item";
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  quantity: number;
  price: {
    id: string;
    object: "price";
    active: false;
    created: number;
    currency: string;
    livemode: false;
    metadata: Metadata;
    product: string;
    type: "one_time";
    unit_amount: number;
  };
}

export interface PaymentError {
  type: "card_error";
  code: string;
  decline_code?: string;
  message: string;
  charge: string;
}

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  application_fee_amount: null;
  canceled_at: number | null;
  cancellation_reason: "abandoned" | null;
  capture_method: "automatic_async";
  client_secret: string;
  confirmation_method: "automatic";
  created: number;
  currency: string;
  customer: null;
  description: string | null;
  last_payment_error: PaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  next_action: null;
  on_behalf_of: null;
  payment_method: string | null;
  payment_method_types: string[];
  receipt_email: string | null;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
  status: "requires_payment_method" | "processing" | "succeeded" | "canceled";
  transfer_data: null;
  transfer_group: string | null;
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  balance_transaction: string | null;
  billing_details: { address: null; email: string; name: string | null; phone: null };
  calculated_statement_descriptor: string;
  captured: boolean;
  created: number;
  currency: string;
  customer: null;
  description: string | null;
  disputed: false;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Metadata;
  outcome: {
    network_status: "approved_by_network" | "declined_by_network";
    reason: string | null;
    risk_level: "normal";
    seller_message: string;
    type: "authorized" | "issuer_declined";
  };
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  payment_method_details:
    | {
        type: "card";
        card: {
          brand: string;
          country: "US";
          exp_month: number;
          exp_year: number;
          funding: "credit";
          last4: string;
        };
      }
    // A delayed notification method (decision 0029): pending until the bank answers.
    | { type: "sepa_debit"; sepa_debit: { country: string; last4: string; mandate: string } };
  receipt_email: string | null;
  receipt_url: string;
  refunded: boolean;
  status: "succeeded" | "failed" | "pending";
  transfer_group: string | null;
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  destination_details: {
    type: "card";
    card: {
      reference_status: "pending" | "available";
      reference_type: "acquirer_reference_number";
      type: "refund";
    };
  };
  metadata: Metadata;
  payment_intent: string;
  reason: "duplicate" | "fraudulent" | "requested_by_customer" | null;
  receipt_number: null;
  source_transfer_reversal: null;
  status: RefundStatus;
  transfer_reversal: null;
  // Issue 19: a card refund may wait (`pending`, with why) and fail later (with why, and the balance
  // transaction that gave the money back to the platform's balance).
  pending_reason?: "processing" | "insufficient_funds" | "charge_pending";
  failure_reason?: RefundFailureReason;
  failure_balance_transaction?: string;
  next_action: null;
}

export type RefundStatus = "pending" | "requires_action" | "succeeded" | "failed" | "canceled";

/** Stripe's values for `failure_reason` (API reference, Refund object). */
export type RefundFailureReason =
  | "lost_or_stolen_card"
  | "expired_or_canceled_card"
  | "charge_for_pending_refund_disputed"
  | "insufficient_funds"
  | "declined"
  | "merchant_request"
  | "unknown";

export type CapabilityStatus = "active" | "inactive" | "pending";

export interface Requirements {
  alternatives: [];
  current_deadline: null;
  currently_due: string[];
  disabled_reason: string | null;
  errors: [];
  eventually_due: string[];
  past_due: string[];
  pending_verification: [];
}

export interface Account {
  id: string;
  object: "account";
  business_profile: {
    mcc: string | null;
    name: string | null;
    product_description: string | null;
    support_email: string | null;
    url: string | null;
  };
  business_type: string | null;
  capabilities: Record<string, CapabilityStatus>;
  charges_enabled: boolean;
  controller: { is_controller: true; type: "application" };
  country: string;
  created: number;
  default_currency: string;
  details_submitted: boolean;
  email: string | null;
  external_accounts: StripeList<never> & { total_count: number };
  future_requirements: Requirements;
  metadata: Metadata;
  payouts_enabled: boolean;
  requirements: Requirements;
  /** "recipient": Stripe has no relationship with the account holder; no card_payments, transfers only. */
  tos_acceptance: { date: number | null; service_agreement: "full" | "recipient" };
  type: "express" | "standard" | "custom";
}

export interface AccountLink {
  object: "account_link";
  created: number;
  expires_at: number;
  url: string;
}

export interface Transfer {
  id: string;
  object: "transfer";
  amount: number;
  amount_reversed: number;
  balance_transaction: string;
  created: number;
  currency: string;
  description: string | null;
  destination: string;
  destination_payment: string;
  livemode: false;
  metadata: Metadata;
  reversals: StripeList<TransferReversal> & { total_count: number };
  reversed: boolean;
  source_transaction: string | null;
  source_type: "card";
  transfer_group: string | null;
}

export interface TransferReversal {
  id: string;
  object: "transfer_reversal";
  amount: number;
  balance_transaction: string;
  created: number;
  currency: string;
  destination_payment_refund: string;
  metadata: Metadata;
  source_refund: null;
  transfer: string;
}

/** The platform account's balance (GET /v1/balance), per currency. */
export interface Balance {
  object: "balance";
  available: { amount: number; currency: string; source_types: { card: number } }[];
  pending: { amount: number; currency: string; source_types: { card: number } }[];
  livemode: false;
}

export type StripeObject = CheckoutSession | PaymentIntent | Charge | Refund | Account | Transfer;

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  /** Set on events about a connected account; Stripe sends those only to Connect endpoints. */
  account?: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}
