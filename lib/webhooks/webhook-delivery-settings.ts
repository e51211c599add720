import { getEnv, type Environment } from "../env";

/** The retry schedule and limits of webhook deliveries (WEBHOOK_* variables, decision 0061). */
export interface WebhookDeliverySettings {
  maxAttempts: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  timeoutMs: number;
  /** Development (and tests that say so) may send to loopback and private addresses. */
  allowPrivateAddresses: boolean;
}

export function webhookDeliverySettings(env: Environment = getEnv()): WebhookDeliverySettings {
  return {
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    retryBaseSeconds: env.WEBHOOK_RETRY_BASE_SECONDS,
    retryMaxSeconds: env.WEBHOOK_RETRY_MAX_SECONDS,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    allowPrivateAddresses: env.NODE_ENV === "development" || env.WEBHOOK_ALLOW_PRIVATE_URLS,
  };
}

/** Exponential backoff: the base after the first failure, doubling after each further one, capped. */
export function webhookRetryDelaySeconds(failedAttempts: number, settings: WebhookDeliverySettings): number {
  return Math.min(settings.retryBaseSeconds * 2 ** Math.max(0, failedAttempts - 1), settings.retryMaxSeconds);
}
