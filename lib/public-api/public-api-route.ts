import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { z } from "zod";
import { fileTooLargeError } from "../files/file-too-large-error";
import { declaredContentLength, maxJsonBodyBytes, readLimitedBody } from "../api/read-limited-body";
import { getPrisma, type Database } from "../db/prisma";
import { parseOrRefuse } from "../errors/parse-or-refuse";
import { AppError, isAppError } from "../errors/app-error";
import { getLogger } from "../logging/logger";
import { uploadLimitsFromEnv } from "../parts/upload-limits";
import { deleteUnreferencedFile } from "../storage/delete-unreferenced-file";
import type { StoredFile } from "../storage/file-storage";
import { getFileStorage } from "../storage/get-file-storage";
import type { ApiOperation } from "./api-operation";
import { authenticateApiKey, type ApiKeyActor } from "./authenticate-api-key";
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  releaseIdempotencyKey,
  requestHashOf,
  storeIdempotentResponse,
} from "./idempotency";
import { limitApiRequests } from "./limit-api-requests";
import { limitUnkeyedApiRequests } from "./limit-unkeyed-api-requests";
import { clientAddressFrom } from "../auth/client-address";
import { problemFor, problemResponse } from "./problem-response";

type Infer<Schema> = Schema extends z.ZodType ? z.output<Schema> : Record<string, never>;

/** What a handler gets: the checked key and the parsed, validated input. */
export interface PublicApiContext<Operation extends ApiOperation> {
  request: Request;
  requestId: string;
  key: Pick<ApiKeyActor, "id" | "companyId" | "createdByUserId" | "scopes" | "companyKind">;
  params: Infer<Operation["params"]>;
  query: Infer<Operation["query"]>;
  headers: Infer<Operation["headers"]>;
  /** For an upload: the file, already in storage (streamed, hashed, size-checked; decision 0069). */
  body: Operation["bodyKind"] extends "binary" ? StoredFile : Infer<Operation["body"]>;
}

/** A JSON answer (its status one of the operation's documented ones), or a Response for files. */
export type PublicApiResult = { status: number; body: unknown; headers?: Record<string, string> } | Response;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The public API's route wrapper (issue 24, docs/decisions/0059): authenticates the bearer key (a request
 * without a valid one counts against its client address's limit, decision 0075), checks the
 * operation's scope and the company's kind, counts the request against the key's limit, parses and
 * validates params, query, headers and body with the operation's zod schemas, makes every POST idempotent
 * (Idempotency-Key required; the stored answer replayed), and answers every thrown error as
 * application/problem+json (RFC 9457) with the AppError code.
 */
export function publicApiRoute<const Operation extends ApiOperation>(
  operation: Operation,
  handler: (context: PublicApiContext<Operation>) => Promise<PublicApiResult>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const url = new URL(request.url);
    const logger = getLogger().child({ requestId, operationId: operation.operationId });
    const db = getPrisma();
    let limitHeaders: Record<string, string> = {};
    let claimedRecord: bigint | null = null;
    // An upload streamed into storage: removed again unless a row the handler wrote refers to it.
    let upload: StoredFile | null = null;
    let uploadKept = false;
    try {
      const key = await authenticateApiKey(db, request, operation.scope).catch(async (error: unknown) => {
        // Without a valid key the request counts against its address: too many answer 429, not 401.
        if (isAppError(error) && error.code === "unauthenticated")
          await limitUnkeyedApiRequests(db, clientAddressFrom(request.headers));
        throw error;
      });
      limitHeaders = await limitApiRequests(db, key);
      const params = (
        operation.params
          ? parseOrRefuse(operation.params, await routeContext.params, "The path is not valid:")
          : {}
      ) as never;
      const query = (
        operation.query
          ? parseOrRefuse(operation.query, Object.fromEntries(url.searchParams), "The query is not valid:")
          : {}
      ) as never;
      const headers = (
        operation.headers
          ? parseOrRefuse(
              operation.headers,
              Object.fromEntries(request.headers),
              "The headers are not valid:",
            )
          : {}
      ) as never;
      if (operation.bodyKind === "binary") operation.checkUploadHeaders?.(headers);
      const { body, hashParts } = await readBody(operation, request);
      if (operation.bodyKind === "binary") upload = body as StoredFile;

      if (operation.method === "post") {
        const claim = await claimIdempotencyKey(db, {
          apiKeyId: key.id,
          idempotencyKey: idempotencyKeyOf(request),
          operationId: operation.operationId,
          requestHash: requestHashOf(operation.operationId, url.pathname, hashParts),
        });
        if (claim.kind === "replay")
          return jsonResponse(claim.status, claim.body, {
            ...limitHeaders,
            "idempotent-replayed": "true",
            "x-request-id": requestId,
          });
        claimedRecord = claim.recordId;
      }

      const result = await handler({ request, requestId, key, params, query, headers, body: body as never });
      uploadKept = true;
      if (result instanceof Response) {
        for (const [name, value] of Object.entries(limitHeaders)) result.headers.set(name, value);
        result.headers.set("x-request-id", requestId);
        if (claimedRecord !== null) await releaseIdempotencyKey(db, claimedRecord);
        return result;
      }
      if (!(result.status in operation.responses))
        throw new Error(`${operation.operationId} answered the undocumented status ${result.status}`);
      if (claimedRecord !== null) await storeIdempotentResponse(db, claimedRecord, result);
      return jsonResponse(result.status, result.body, {
        ...limitHeaders,
        ...result.headers,
        "x-request-id": requestId,
      });
    } catch (error) {
      const problem = problemFor(error, url.pathname, requestId);
      if (problem.status >= 500) logger.error({ err: error }, "public API request failed");
      else logger.info({ code: problem.code }, "public API request refused");
      if (claimedRecord !== null) {
        // A refusal of the request itself is its answer (a retry gets the same); a failure on our side
        // releases the key so the retry runs again.
        if (isAppError(error) && problem.status < 500)
          await storeIdempotentResponse(db, claimedRecord, { status: problem.status, body: problem });
        else await releaseIdempotencyKey(db, claimedRecord);
      }
      return problemResponse(problem, { ...limitHeaders, "x-request-id": requestId });
    } finally {
      if (upload && !uploadKept) await removeUnusedUpload(db, upload, logger);
    }
  };
}

/** A replayed, conflicting or refused upload leaves no file behind (unless the same bytes are in use). */
async function removeUnusedUpload(
  db: Database,
  upload: StoredFile,
  logger: ReturnType<typeof getLogger>,
): Promise<void> {
  await deleteUnreferencedFile(db, getFileStorage(), upload.key).catch((error: unknown) =>
    logger.warn({ err: error, storageKey: upload.key }, "could not remove an unused API upload"),
  );
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string>): Response {
  const isProblem = status >= 400;
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: {
      ...headers,
      ...(status === 204
        ? {}
        : { "content-type": isProblem ? "application/problem+json" : "application/json" }),
    },
  });
}

/** The parsed body and what of it the idempotency hash covers. */
async function readBody(
  operation: ApiOperation,
  request: Request,
): Promise<{ body: unknown; hashParts: (string | Uint8Array)[] }> {
  if (operation.method === "get" || operation.method === "delete") return { body: undefined, hashParts: [] };
  if (operation.bodyKind === "binary") {
    const stored = await streamUploadToStorage(
      request,
      operation.maxUploadBytes?.() ?? uploadLimitsFromEnv().maxBytes,
    );
    // The storage hashed the bytes on their way in: the Idempotency-Key covers the file by its SHA-256.
    return { body: stored, hashParts: [request.headers.get("x-file-name") ?? "", stored.sha256] };
  }
  if (!operation.body) return { body: undefined, hashParts: [] };
  const bytes = await readLimitedBody(request, maxJsonBodyBytes);
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  return {
    body: parseOrRefuse(operation.body, json, "The request body is not valid:"),
    hashParts: [JSON.stringify(json)],
  };
}

/**
 * Streams an upload's body into file storage while hashing it (decision 0069): at most one chunk is in
 * memory, a Content-Length over `maxBytes` is refused before a byte is read, and a body that passes it
 * while streaming is stopped there, leaving no file (FileStorage.put).
 */
async function streamUploadToStorage(request: Request, maxBytes: number): Promise<StoredFile> {
  const tooLarge = () => fileTooLargeError(maxBytes);
  const declared = declaredContentLength(request);
  if (declared !== undefined && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!request.body) throw new AppError("validation_failed", "The request has no file in its body.");
  const source = Readable.fromWeb(request.body as never);
  try {
    const stored = await getFileStorage().put(source, { maxBytes });
    if (stored.sizeBytes === 0)
      throw new AppError("validation_failed", "The request has no file in its body.");
    return stored;
  } catch (error) {
    source.destroy();
    if (isAppError(error) && error.code === "payload_too_large") throw tooLarge();
    throw error;
  }
}
