import type { IncomingMessage, ServerResponse } from "node:http";
import { errorResponseFor } from "../errors/error-response";
import { uploadTooLargeError } from "../parts/upload-too-large-error";
import { problemContentType, problemFor } from "../public-api/problem-response";
import { answerBeforeBody } from "./answer-before-body";

/** The one route that takes a whole CAD file as its body (the web app's and the public API's upload). */
const uploadPath = "/api/v1/parts";

/**
 * Makes the check the start script's HTTP server runs before Next sees a request: an upload announcing
 * more than `maxBytes` (UPLOAD_MAX_BYTES) is answered 413 at once, in the form its caller reads (the
 * public API's problem document with a bearer key, the web app's `{ error }` without). Next reads a route's
 * body as fast as it arrives, into memory, until the handler cancels it: the route's own check came after
 * tens of megabytes on a busy machine. Returns true when it answered; bodies without a length, or within
 * the limit, go on to the route, which counts what it stores.
 */
export function createUploadBodyCheck(options: { maxBytes: number }) {
  return function refuseOversizedUpload(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== "POST" || (request.url ?? "").split("?")[0] !== uploadPath) return false;
    const declared = request.headers["content-length"];
    if (declared === undefined || !(Number(declared) > options.maxBytes)) return false;
    const error = uploadTooLargeError(options.maxBytes);
    if (/^Bearer\s/i.test(request.headers.authorization ?? "")) {
      const requestId = String(request.headers["x-request-id"] ?? "");
      const problem = problemFor(error, uploadPath, requestId);
      answerBeforeBody(request, response, {
        status: problem.status,
        contentType: problemContentType,
        body: JSON.stringify(problem),
      });
    } else {
      const { status, body } = errorResponseFor(error);
      answerBeforeBody(request, response, { status, contentType: "application/json", body: JSON.stringify(body) });
    }
    return true;
  };
}
