import type { IncomingMessage, ServerResponse } from "node:http";

/** How long a refused body may still be sent (and thrown away) before its connection is cut. */
const lingerMs = 2_000;

/**
 * Answers a request at once, before its body is read, and keeps nothing of the body. The client is still
 * writing it: closing the connection right away makes many clients (browsers included) report a reset
 * instead of the answer. So, like a web server's lingering close (nginx's lingering_time), what follows
 * is read and thrown away, never kept, for two seconds at most; then the connection is cut unless the
 * body has ended.
 */
export function answerBeforeBody(
  request: IncomingMessage,
  response: ServerResponse,
  answer: { status: number; contentType: string; body: string },
): void {
  response.statusCode = answer.status;
  response.setHeader("content-type", answer.contentType);
  response.end(answer.body);
  const timer = setTimeout(() => request.socket.destroy(), lingerMs);
  timer.unref();
  request.resume();
  request.on("end", () => clearTimeout(timer));
}
