import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "../db/prisma";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";

const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header every POST must carry (printable ASCII, at most 255 characters). */
export function idempotencyKeyOf(request: Request): string {
  const value = request.headers.get("idempotency-key");
  if (!value)
    throw new AppError(
      "bad_request",
      "Every POST needs an Idempotency-Key header (e.g. a UUID): send the same key again to retry safely.",
    );
  if (!idempotencyKeyPattern.test(value))
    throw new AppError(
      "bad_request",
      "The Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.",
    );
  return value;
}

export function requestHashOf(operationId: string, path: string, parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256").update(`${operationId}\n${path}\n`);
  for (const part of parts) hash.update(part).update("\n");
  return hash.digest("hex");
}

export type IdempotencyClaim =
  { kind: "new"; recordId: bigint } | { kind: "replay"; status: number; body: unknown };

/**
 * Claims the key for this request. A new key is written as running (no response yet); a key seen before
 * with the same request answers its stored response; with another request, or while the first still runs,
 * it is refused with 409, so a retry never does the work twice.
 */
export async function claimIdempotencyKey(
  db: Database,
  input: { apiKeyId: string; idempotencyKey: string; operationId: string; requestHash: string },
): Promise<IdempotencyClaim> {
  try {
    const record = await db.apiIdempotencyRecord.create({ data: input, select: { id: true } });
    return { kind: "new", recordId: record.id };
  } catch (error) {
    // Prisma's unique violation: the key was claimed before.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  const earlier = await db.apiIdempotencyRecord.findUnique({
    where: { apiKeyId_idempotencyKey: { apiKeyId: input.apiKeyId, idempotencyKey: input.idempotencyKey } },
  });
  if (!earlier)
    throw new AppError("conflict", "The Idempotency-Key was just released: send the request again.");
  if (earlier.operationId !== input.operationId || earlier.requestHash !== input.requestHash)
    throw new AppError(
      "conflict",
      "This Idempotency-Key was used for another request (a different operation or body). Use a new key for a new request.",
      { idempotencyKey: input.idempotencyKey },
    );
  if (earlier.responseStatus === null)
    throw new AppError(
      "conflict",
      "A request with this Idempotency-Key is still running. Retry in a moment to get its answer.",
      { retryAfterSeconds: 1 },
    );
  return { kind: "replay", status: earlier.responseStatus, body: earlier.responseBody };
}

export async function storeIdempotentResponse(
  db: Database,
  recordId: bigint,
  response: { status: number; body: unknown },
): Promise<void> {
  await db.apiIdempotencyRecord.update({
    where: { id: recordId },
    data: { responseStatus: response.status, responseBody: (response.body ?? null) as Prisma.InputJsonValue },
  });
}

/** After a failure on our side the key is released, so the client's retry runs the request again. */
export async function releaseIdempotencyKey(db: Database, recordId: bigint): Promise<void> {
  await db.apiIdempotencyRecord.delete({ where: { id: recordId } }).catch(() => undefined);
}
