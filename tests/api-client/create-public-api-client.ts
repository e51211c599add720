import createClient from "openapi-fetch";
import type { paths } from "./public-api-types";

/**
 * A typed client of the public API (openapi-fetch over the generated `paths`): every path, parameter, body
 * and answer is checked by the compiler against the OpenAPI document. `apiKey` is a key from the team page.
 */
export function createPublicApiClient(baseUrl: string, apiKey: string) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
}

export type PublicApiClient = ReturnType<typeof createPublicApiClient>;
