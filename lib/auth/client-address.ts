/**
 * The header in which the web server (scripts/start.ts) hands the client's address to the app. Any copy a
 * client sends is dropped there before it is set, so only the server writes it.
 */
export const clientAddressHeader = "x-client-address";

/**
 * The client's address as the web server determined it (clientAddressForConnection), or "unknown" when the
 * app runs without that server (a test, `next start`). Never X-Forwarded-For: a client writes what it likes.
 */
export function clientAddressFrom(headers: Headers): string {
  return headers.get(clientAddressHeader) || "unknown";
}
