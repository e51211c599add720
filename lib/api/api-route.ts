import "server-only";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
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
 */
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
