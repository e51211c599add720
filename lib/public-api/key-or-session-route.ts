import "server-only";
import { bearerSecretOf } from "./authenticate-api-key";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * One route file for a path the web app and the public API share (e.g. POST /api/v1/parts): a request
 * with `Authorization: Bearer …` is the public API's (key, scopes, Idempotency-Key, problem+json), any
 * other the web app's session route as before (decision 0059). The browser never sends a bearer header.
 */
export function keyOrSessionRoute<Context>(
  publicHandler: Handler<Context>,
  sessionHandler: Handler<Context>,
): Handler<Context> {
  return (request, context) =>
    bearerSecretOf(request) !== null ? publicHandler(request, context) : sessionHandler(request, context);
}
