import { ParamReader } from "./param-reader";
import { StripeApiError } from "./stripe-api-error";

// Which payment methods a Checkout Session offers, as Stripe decides it at the API version the request
// names (Stripe-Version header). Sources (decision 0029):
// - docs.stripe.com/changelog/endive/2026-09-30/remove-payment-method-types-checkout-sessions: from
//   2026-09-30.endive `payment_method_types` can no longer be passed; dynamic payment methods (the
//   Dashboard's settings) decide, `excluded_payment_method_types` removes some, and the new
//   `allowed_payment_method_types` filters them to a set, silently dropping incompatible ones.
// - the same release's Payment Intents entry names the error: 400 `payment_method_types_no_longer_supported`.
// - docs.stripe.com/changelog/dahlia/2026-07-29/allowed-payment-method-types-parameter: `allowed_…` is
//   mutually exclusive with `excluded_payment_method_types` and `payment_method_configuration`.
// - the SDK's SessionCreateParams.line_items: at most 100 line items in `payment` mode.

/** The methods the fake account has switched on in its Dashboard: a card and a delayed one. */
export const dashboardPaymentMethods = ["card", "sepa_debit"] as const;

/** Methods whose success is only known days after the session completes (delayed notification). */
export const delayedPaymentMethods: ReadonlySet<string> = new Set(["sepa_debit"]);

/** The most line items a Checkout Session in payment mode takes. */
export const maxPaymentModeLineItems = 100;

/** The first API version that refuses `payment_method_types` on Checkout Sessions. */
const paymentMethodTypesRemovedIn = "2026-09-30";

/** Methods that only take euros (SEPA Direct Debit debits EUR accounts). */
const euroOnly: ReadonlySet<string> = new Set(["sepa_debit"]);

/**
 * The session's `payment_method_types` and `allowed_payment_method_types`, or the error Stripe answers
 * for parameters the request's API version refuses. Runs before anything is created.
 */
export function checkoutPaymentMethods(
  p: ParamReader,
  apiVersion: string,
  currency: string,
): { paymentMethodTypes: string[]; allowed: string[] | null } {
  const explicit = p.strings("payment_method_types");
  const allowed = p.strings("allowed_payment_method_types");
  const excluded = p.strings("excluded_payment_method_types");
  const configuration = p.string("payment_method_configuration");
  if (explicit.length > 0 && apiVersion.slice(0, 10) >= paymentMethodTypesRemovedIn)
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      code: "payment_method_types_no_longer_supported",
      param: "payment_method_types",
      message: `\`payment_method_types\` is no longer supported on Checkout Sessions as of API version ${paymentMethodTypesRemovedIn}. Manage payment methods in the Dashboard (dynamic payment methods), or use \`allowed_payment_method_types\` or \`excluded_payment_method_types\`.`,
    });
  if (allowed.length > 0 && (excluded.length > 0 || configuration))
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      code: "parameters_exclusive",
      param: "allowed_payment_method_types",
      message: `You may only specify one of these parameters: allowed_payment_method_types, ${excluded.length > 0 ? "excluded_payment_method_types" : "payment_method_configuration"}.`,
    });
  if (configuration)
    throw StripeApiError.resourceMissing(
      "payment_method_configuration",
      configuration,
      "payment_method_configuration",
    );
  const compatible = (type: string) => currency === "eur" || !euroOnly.has(type);
  let types: string[];
  if (explicit.length > 0) {
    // Older versions: an explicit list, and an incompatible entry is an error rather than dropped.
    const wrong = explicit.find((type) => !compatible(type));
    if (wrong)
      throw StripeApiError.invalidParam(
        "payment_method_types",
        `The payment method \`${wrong}\` does not support the currency ${currency}.`,
      );
    types = explicit;
  } else {
    types = dashboardPaymentMethods.filter(
      (type) =>
        compatible(type) && (allowed.length === 0 || allowed.includes(type)) && !excluded.includes(type),
    );
  }
  if (types.length === 0)
    throw StripeApiError.invalidParam(
      allowed.length > 0 ? "allowed_payment_method_types" : "excluded_payment_method_types",
      "No valid payment method types for this Checkout Session. Check the payment methods enabled in your Dashboard and the session's currency.",
    );
  return { paymentMethodTypes: types, allowed: allowed.length > 0 ? allowed : null };
}

/** Refuses more line items than Checkout takes in payment mode, before anything is created. */
export function checkLineItemCount(count: number): void {
  if (count > maxPaymentModeLineItems)
    throw StripeApiError.invalidParam(
      "line_items",
      `A Checkout Session in \`payment\` mode takes at most ${maxPaymentModeLineItems} line items; you passed ${count}.`,
    );
}
