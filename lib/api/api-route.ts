import "server-only";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { AppError } from "../errors/app-error";
import { errorResponseFor } from "../errors/error-response";
import { getLogger } from "../logging/logger";

export interface ApiContext<Params> {
  request: Request;
  params: Params;
  requestId: string;
  logger: Logger;
}

/**
 * Wraps a route handler: a request id on the logger and the response, and every thrown error turned into
 * `{ error: { code, message } }` with the status from the one code-to-status table. Handlers check access
 * themselves (requireApiPermission, with the permission lib/auth/guard-table.ts names for the route).
 * A change (any method but GET, HEAD, OPTIONS) that a browser says another site's page sent
 * (`Sec-Fetch-Site: cross-site` or `same-site`) is refused before the handler runs: the session cookie is
 * SameSite=Lax, which a page on a sibling host or port of the same site still gets sent with a plain
 * form (text/plain bodies parse as JSON here). Requests without the header (servers: Stripe's webhooks,
 * curl) are not browsers' and carry no visitor's cookie by accident (decision 0124).
 */
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const otherSites = new Set(["cross-site", "same-site"]);

export function apiRoute<Params = Record<string, never>>(
  handler: (context: ApiContext<Params>) => Promise<Response>,
) {
  return async (request: Request, routeContext: { params: Promise<Params> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const logger = getLogger().child({
      requestId,
      method: request.method,
      path: new URL(request.url).pathname,
    });
    try {
      if (!safeMethods.has(request.method) && otherSites.has(request.headers.get("sec-fetch-site") ?? ""))
        throw new AppError(
          "forbidden",
          "This request came from a page of another site. Make the change on the platform's own page.",
        );
      const response = await handler({ request, params: await routeContext.params, requestId, logger });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      const { status, body } = errorResponseFor(error);
      if (status >= 500) logger.error({ err: error }, "request failed");
      else logger.info({ code: body.error.code }, "request refused");
      const headers: Record<string, string> = { "x-request-id": requestId };
      // A refusal that knows when it ends (a quota) says so the standard way too.
      const retryAfterSeconds = body.error.details?.retryAfterSeconds;
      if (typeof retryAfterSeconds === "number") headers["retry-after"] = String(retryAfterSeconds);
      return Response.json(body, { status, headers });
    }
  };
}
