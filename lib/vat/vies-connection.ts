import { getEnv } from "../env";
import { checkVatIdFormat } from "./check-vat-id-format";
import type { ViesConnection, ViesRequest } from "./vies-client";

/** VIES's address and patience from the environment (VIES_URL, VIES_TIMEOUT_MS). */
export function viesConnection(): ViesConnection {
  const env = getEnv();
  return { url: env.VIES_URL, timeoutMs: env.VIES_TIMEOUT_MS };
}

/**
 * The platform's own VAT ID as VIES's requester, so each confirmation comes with a consultation number:
 * only when PLATFORM_VAT_NUMBER is a well-formed member-state ID (the demo default DE000000000 is not,
 * and VIES would answer INVALID_REQUESTER_INFO instead of checking).
 */
export function viesRequester(): ViesRequest["requester"] {
  const own = checkVatIdFormat(getEnv().PLATFORM_VAT_NUMBER);
  if (!own.ok || !own.vatId.viesChecks) return undefined;
  return { countryCode: own.vatId.viesCountryCode, vatNumber: own.vatId.viesNumber };
}
