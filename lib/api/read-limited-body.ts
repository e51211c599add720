import { AppError } from "../errors/app-error";

/** JSON route handlers take at most this much: their bodies are small option objects. */
export const maxJsonBodyBytes = 64 * 1024;
/** Stripe's events are a few KB; its documented payloads stay far below 1 MB. */
export const maxWebhookBodyBytes = 1024 * 1024;

/**
 * Reads a request body into memory, but never more than `maxBytes`: a Content-Length above it is
 * refused before a byte is read, and a body without one (chunked) or longer than announced is read with
 * a counter and the reading stopped (the stream cancelled) the moment it passes the limit. Both answer
 * AppError `payload_too_large` (413), so a large body costs neither memory nor the time to receive it.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = declaredContentLength(request);
  if (declared !== undefined && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw bodyTooLargeError(maxBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The body as UTF-8 text, at most `maxBytes` (see readLimitedBody). */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, maxBytes));
}

/**
 * The JSON body of an API request, at most 64 KB (maxJsonBodyBytes). Every JSON route handler reads its
 * body through this. Text that is not JSON fails with `validation_failed`.
 */
export async function readJsonBody(request: Request, maxBytes = maxJsonBodyBytes): Promise<unknown> {
  const text = await readLimitedText(request, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("validation_failed", "The request body must be JSON.");
  }
}

/** The Content-Length a request announced, or undefined when it sent none (or nonsense). */
export function declaredContentLength(request: Request): number | undefined {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/** The refusal of a body over `maxBytes` (413): said in KB or MB. */
export function bodyTooLargeError(maxBytes: number): AppError {
  const size =
    maxBytes >= 1024 * 1024
      ? `${Math.round(maxBytes / 1024 / 1024)} MB`
      : `${Math.round(maxBytes / 1024)} KB`;
  return new AppError(
    "payload_too_large",
    `The request body is larger than the ${size} this endpoint accepts. Send a smaller body.`,
    { maxBytes },
  );
}
