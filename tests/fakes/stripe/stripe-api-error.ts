export type StripeErrorType =
  "api_error" | "card_error" | "idempotency_error" | "invalid_request_error" | "authentication_error";

/** The `error` member of Stripe's error responses. */
export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
  decline_code?: string;
}

/**
 * An error response of the fake API. `savedForIdempotency` follows Stripe's rule: a result is kept for
 * replay only once the endpoint started executing, so rejected parameters can be fixed and retried
 * with the same key, while a business refusal (capability missing, amount too high) is replayed.
 */
export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  readonly savedForIdempotency: boolean;

  constructor(
    status: number,
    body: Omit<StripeErrorBody, "doc_url">,
    options: { savedForIdempotency?: boolean } = {},
  ) {
    super(body.message);
    this.status = status;
    this.body = body.code
      ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, "-")}` }
      : body;
    this.savedForIdempotency = options.savedForIdempotency ?? false;
  }

  static missingParam(param: string): StripeApiError {
    return new StripeApiError(400, {
      type: "invalid_request_error",
      code: "parameter_missing",
      param,
      message: `Missing required param: ${param}.`,
    });
  }

  static invalidParam(param: string, message: string, code = "parameter_invalid"): StripeApiError {
    return new StripeApiError(400, { type: "invalid_request_error", code, param, message });
  }

  /** An unknown id: 404 when it is the path's object, 400 when it is named by a parameter. */
  static resourceMissing(objectName: string, id: string, param?: string): StripeApiError {
    return new StripeApiError(param && param !== "id" ? 400 : 404, {
      type: "invalid_request_error",
      code: "resource_missing",
      param: param ?? "id",
      message: `No such ${objectName}: '${id}'`,
    });
  }

  /** Refused while executing, so kept for idempotent replay like Stripe does. */
  static refused(message: string, details: { code?: string; param?: string } = {}): StripeApiError {
    return new StripeApiError(
      400,
      { type: "invalid_request_error", message, ...details },
      { savedForIdempotency: true },
    );
  }
}
