import { NextRequest } from "next/server";
import { maxJsonBodyBytes, readLimitedBody } from "@/lib/api/read-limited-body";
import { handlers } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { errorResponseFor } from "@/lib/errors/error-response";

/**
 * Auth.js's own reads. Its session endpoint only checks the cookie's signature: a cookie copied before
 * signing out would still read as a session there, so it answers what every page answers, the session
 * row's verdict (lib/auth/current-user.ts), and Auth.js's `null` for a session that ended.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (new URL(request.url).pathname.endsWith("/session") && !(await getCurrentUser()))
    return Response.json(null, { headers: { "cache-control": "private, no-store" } });
  return handlers.GET(request);
}

/**
 * Auth.js's sign-in and sign-out posts are small forms: the body is read through the one limiter (at most
 * 64 KB, 413 beyond) before Auth.js parses it, and handed on as a fresh request with the same headers.
 */
export async function POST(request: NextRequest): Promise<Response> {
  let body: Uint8Array;
  try {
    body = await readLimitedBody(request, maxJsonBodyBytes);
  } catch (error) {
    const { status, body: answer } = errorResponseFor(error);
    return Response.json(answer, { status });
  }
  return handlers.POST(
    new NextRequest(request.url, {
      method: request.method,
      headers: request.headers,
      body: body.byteLength > 0 ? (body as Uint8Array<ArrayBuffer>) : undefined,
    }),
  );
}
