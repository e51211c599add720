import { z } from "zod";
import { appErrorCodes, type AppErrorCode } from "../errors/app-error";
import { toAppError } from "../errors/error-response";
import { httpStatusForErrorCode } from "../errors/http-status-for-error-code";

export const problemContentType = "application/problem+json";

const titleForCode: Record<AppErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "The request is not valid",
  unauthenticated: "No valid API key",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  invalid_state_transition: "Not possible in the current state",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  service_unavailable: "Service unavailable",
  internal_error: "Internal error",
};

/**
 * RFC 9457 problem details, with the AppError code in `code` (the same codes as the web app's JSON errors)
 * and, for validation failures, the fields that failed in `errors`.
 */
export const problemSchema = z
  .object({
    type: z.string().describe("A URI naming the kind of problem; the reference page explains each."),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("What went wrong and what to do, for a person."),
    instance: z.string().describe("The request's path."),
    code: z.enum(appErrorCodes),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;

/** The `type` URI of a code: a fragment of the reference page, relative to the API's origin. */
export function problemTypeFor(code: AppErrorCode): string {
  return `/api-reference#problem-${code.replaceAll("_", "-")}`;
}

/** Turns any thrown value into a problem document and its status; unexpected errors say nothing of their text. */
export function problemFor(error: unknown, instance: string, requestId: string): Problem {
  const appError = toAppError(error);
  const problem: Problem = {
    type: problemTypeFor(appError.code),
    title: titleForCode[appError.code],
    status: httpStatusForErrorCode[appError.code],
    detail: appError.message,
    instance,
    code: appError.code,
    requestId,
  };
  const fields = appError.details?.fields;
  if (Array.isArray(fields)) problem.errors = fields as Problem["errors"];
  const retryAfterSeconds = appError.details?.retryAfterSeconds;
  if (typeof retryAfterSeconds === "number") problem.retryAfterSeconds = retryAfterSeconds;
  return problem;
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const allHeaders: Record<string, string> = { "content-type": problemContentType, ...headers };
  if (problem.retryAfterSeconds !== undefined) allHeaders["retry-after"] = String(problem.retryAfterSeconds);
  if (problem.status === 401) allHeaders["www-authenticate"] = 'Bearer realm="api"';
  return new Response(JSON.stringify(problem), { status: problem.status, headers: allHeaders });
}
