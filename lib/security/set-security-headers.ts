import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { securityHeaders, type SecurityHeaderOptions } from "./security-headers";

/**
 * Called by the start script's HTTP server for every request (pages, server actions, API routes, static
 * files): a fresh nonce, handed to Next in the request's own Content-Security-Policy header (Next reads
 * the nonce from there and puts it on its scripts; `x-nonce` for a page that needs it itself), and the
 * security headers on the response.
 *
 * Not a Next proxy (middleware): with one, Next buffers every request body for it and cuts bodies past
 * 10 MB, which would truncate CAD uploads and defeat the streaming body limits (lib/api/read-limited-body.ts).
 */
export function setSecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  options: Omit<SecurityHeaderOptions, "nonce">,
): void {
  const nonce = randomBytes(18).toString("base64");
  const headers = securityHeaders({ ...options, nonce });
  request.headers["content-security-policy"] = headers["Content-Security-Policy"];
  request.headers["x-nonce"] = nonce;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}
