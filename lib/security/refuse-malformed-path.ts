import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../errors/app-error";
import { answerRefusalBeforeBody } from "./answer-refusal-before-body";

/**
 * The start script's check of a request's path before Next sees it: a path with a broken %-escape
 * ("/orders/%E0%A4%A") made Next fail to decode it and answer 500 "Internal Server Error" on every page
 * and route with an id in its path, unlogged (walk 7). Such a request is answered 400 with what is wrong
 * (answer-refusal-before-body.ts). Returns true when it answered.
 */
export function refuseMalformedPath(request: IncomingMessage, response: ServerResponse): boolean {
  const pathname = (request.url ?? "/").split("?")[0]!;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    const error = new AppError(
      "bad_request",
      "This address has a broken %-escape in its path (a % must be followed by two hexadecimal digits of UTF-8). Check the link or type the address again.",
    );
    answerRefusalBeforeBody(request, response, error, pathname);
    return true;
  }
}
