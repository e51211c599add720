import type { IncomingMessage, ServerResponse } from "node:http";
import { errorResponseFor } from "../errors/error-response";
import type { AppError } from "../errors/app-error";
import { problemContentType, problemFor } from "../public-api/problem-response";
import { answerBeforeBody } from "./answer-before-body";

/**
 * Answers a refusal from the start script's server before Next sees the request, in the form its caller
 * reads: the public API's problem document with a bearer key, the web app's `{ error }` under /api/
 * without one, and the sentence as text for a page.
 */
export function answerRefusalBeforeBody(
  request: IncomingMessage,
  response: ServerResponse,
  error: AppError,
  pathname: string,
): void {
  if (/^Bearer\s/i.test(request.headers.authorization ?? "")) {
    const problem = problemFor(error, pathname, String(request.headers["x-request-id"] ?? ""));
    answerBeforeBody(request, response, {
      status: problem.status,
      contentType: problemContentType,
      body: JSON.stringify(problem),
    });
    return;
  }
  const { status, body } = errorResponseFor(error);
  answerBeforeBody(
    request,
    response,
    pathname.startsWith("/api/")
      ? { status, contentType: "application/json", body: JSON.stringify(body) }
      : { status, contentType: "text/plain; charset=utf-8", body: error.message },
  );
}
