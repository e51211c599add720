import type { ParamRule, ParamSchema } from "./check-params";

// Which parameters each endpoint takes, from the SDK's *CreateParams types: the fake uses some, ignores
// those that change nothing it models, and refuses the rest rather than silently differ from Stripe.

function rules(rule: ParamRule, names: string[]): ParamSchema {
  return Object.fromEntries(names.map((name) => [name, rule]));
}

export const expandOnly: ParamSchema = { expand: "use" };

export const checkoutSessionSchema: ParamSchema = {
  ...rules("use", [
    "mode",
    "success_url",
    "cancel_url",
    "customer_email",
    "client_reference_id",
    "metadata",
    "expires_at",
    "currency",
    "locale",
    "submit_type",
    "ui_mode",
    "expand",
    // Checked by checkout-payment-methods.ts against the request's API version.
    "payment_method_types",
    "allowed_payment_method_types",
    "excluded_payment_method_types",
    "payment_method_configuration",
  ]),
  line_items: [
    {
      quantity: "use",
      price_data: {
        currency: "use",
        unit_amount: "use",
        product_data: {
          ...rules("use", ["name", "description"]),
          ...rules("ignore", ["images", "metadata", "tax_code", "tax_details", "unit_label"]),
        },
        tax_behavior: "ignore",
        ...rules("unsupported", ["product", "recurring", "unit_amount_decimal"]),
      },
      metadata: "ignore",
      ...rules("unsupported", ["price", "adjustable_quantity", "tax_rates"]),
    },
  ],
  payment_intent_data: {
    ...rules("use", [
      "metadata",
      "transfer_group",
      "description",
      "receipt_email",
      "statement_descriptor",
      "statement_descriptor_suffix",
    ]),
    ...rules("ignore", ["setup_future_usage", "shipping"]),
    ...rules("unsupported", ["application_fee_amount", "capture_method", "on_behalf_of", "transfer_data"]),
  },
  ...rules("ignore", [
    "adaptive_pricing",
    "after_expiration",
    "allow_promotion_codes",
    "billing_address_collection",
    "branding_settings",
    "consent_collection",
    "custom_text",
    "customer_creation",
    "integration_identifier",
    "invoice_creation",
    "name_collection",
    "origin_context",
    "payment_method_collection",
    "payment_method_options",
    "phone_number_collection",
    "saved_payment_method_options",
    "tax_id_collection",
    "wallet_options",
  ]),
  ...rules("unsupported", [
    "automatic_tax",
    "custom_fields",
    "customer",
    "customer_account",
    "customer_update",
    "discounts",
    "managed_payments",
    "optional_items",
    "payment_method_data",
    "permissions",
    "redirect_on_completion",
    "return_url",
    "setup_intent_data",
    "shipping_address_collection",
    "shipping_options",
    "subscription_data",
  ]),
};

export const refundSchema: ParamSchema = {
  ...rules("use", ["amount", "charge", "payment_intent", "reason", "metadata", "expand"]),
  ...rules("ignore", [
    "currency",
    "customer",
    "instructions_email",
    "origin",
    "refund_application_fee",
    "reverse_transfer",
  ]),
};

export const accountSchema: ParamSchema = {
  ...rules("use", [
    "type",
    "controller",
    "country",
    "email",
    "business_type",
    "business_profile",
    "capabilities",
    "default_currency",
    "metadata",
    "expand",
  ]),
  tos_acceptance: { service_agreement: "use", ...rules("ignore", ["date", "ip", "user_agent"]) },
  ...rules("ignore", ["company", "individual", "external_account", "settings", "documents", "groups"]),
  account_token: "unsupported",
};

export const accountLinkSchema: ParamSchema = {
  ...rules("use", ["account", "type", "refresh_url", "return_url", "expand"]),
  ...rules("ignore", ["collect", "collection_options"]),
};

export const transferSchema: ParamSchema = {
  ...rules("use", [
    "amount",
    "currency",
    "destination",
    "description",
    "metadata",
    "transfer_group",
    "source_transaction",
    "expand",
  ]),
  source_type: "ignore",
};

export const transferListSchema: ParamSchema = {
  ...rules("use", ["destination", "transfer_group", "limit", "starting_after", "ending_before", "expand"]),
  created: "unsupported",
};
