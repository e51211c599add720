import { maxJsonBodyBytes, maxWebhookBodyBytes } from "../api/read-limited-body";
import type { ApiOperation } from "../public-api/api-operation";
import { apiOperations } from "../public-api/operation-list";

/** The web app's own upload (the same route as the public API's uploadPart). */
const webUploadPath = "/api/v1/parts";

/** One operation's path as a pattern: `{jobId}` matches one path segment. */
const patternOf = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
const operationPatterns = apiOperations
  .filter((operation) => operation.method !== "get" && operation.method !== "delete")
  .map((operation) => ({ operation, pattern: patternOf(operation.path) }));

/** What the ceiling says: the most bytes a body may announce, and whether the body is a file. */
export interface ApiBodyCeiling {
  maxBytes: number;
  file: boolean;
}

/**
 * The largest body a request to an API route may announce, by the limit its handler reads with: a
 * public API file upload its operation's (default UPLOAD_MAX_BYTES), Stripe's webhooks 1 MB, every
 * other API route (JSON options, sign-in forms) 64 KB; undefined for pages and server actions (their own
 * check: refuse-oversized-action-body.ts). The handlers keep their own limits for bodies without a length.
 */
export function apiBodyCeiling(
  method: string,
  pathname: string,
  uploadMaxBytes: number,
): ApiBodyCeiling | undefined {
  if (!pathname.startsWith("/api/")) return undefined;
  if (pathname.startsWith("/api/webhooks/")) return { maxBytes: maxWebhookBodyBytes, file: false };
  const verb = method.toLowerCase() as ApiOperation["method"];
  if (verb === "post" && pathname === webUploadPath) return { maxBytes: uploadMaxBytes, file: true };
  const match = operationPatterns.find(
    ({ operation, pattern }) => operation.method === verb && pattern.test(pathname),
  );
  if (match?.operation.bodyKind === "binary")
    return { maxBytes: match.operation.maxUploadBytes?.() ?? uploadMaxBytes, file: true };
  return { maxBytes: maxJsonBodyBytes, file: false };
}
