import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyTooLargeError } from "../api/read-limited-body";
import { fileTooLargeError } from "../files/file-too-large-error";
import { uploadTooLargeError } from "../parts/upload-too-large-error";
import { answerRefusalBeforeBody } from "./answer-refusal-before-body";
import { apiBodyCeiling } from "./api-body-ceiling";

/**
 * Makes the check the start script's HTTP server runs before Next sees a request: a request to an API
 * route announcing a longer body than its handler reads (apiBodyCeiling: the upload's UPLOAD_MAX_BYTES,
 * a partner's quality document, webhooks 1 MB, JSON 64 KB) is answered 413 at once, in the form its
 * caller reads (the public API's problem document with a bearer key, the web app's `{ error }` without).
 * Next reads a route's body as fast as it arrives, into memory, until the handler cancels it: the
 * handler's own check came after tens of megabytes on a busy machine. Returns true when it answered;
 * bodies without a length, or within the limit, go on to the route, which counts what it reads.
 */
export function createApiBodyCheck(options: { uploadMaxBytes: number }) {
  return function refuseOversizedApiBody(request: IncomingMessage, response: ServerResponse): boolean {
    const declared = request.headers["content-length"];
    if (declared === undefined) return false;
    const pathname = (request.url ?? "").split("?")[0]!;
    const ceiling = apiBodyCeiling(request.method ?? "GET", pathname, options.uploadMaxBytes);
    if (!ceiling || !(Number(declared) > ceiling.maxBytes)) return false;
    const error =
      pathname === "/api/v1/parts"
        ? uploadTooLargeError(ceiling.maxBytes)
        : ceiling.file
          ? fileTooLargeError(ceiling.maxBytes)
          : bodyTooLargeError(ceiling.maxBytes);
    answerRefusalBeforeBody(request, response, error, pathname);
    return true;
  };
}
