import { AppError } from "./app-error";

/**
 * PostgreSQL's "invalid byte" SQLSTATEs: 22021 (a NUL byte or invalid UTF-8 in text) and 22P05 (an
 * untranslatable character, e.g. \u0000 inside jsonb). Both mean the request carried bad bytes, never
 * that the server failed, so they must not answer 500 "try again later".
 */
const invalidByteStates = new Set(["22021", "22P05"]);

/** Seconds a client is asked to wait when every database connection stayed busy. */
const busyRetryAfterSeconds = 5;

/**
 * The database errors with a meaning for the client, as coded AppErrors: the input's fault (bad bytes), or
 * the server too busy to start a transaction in time (Prisma's P2028, when the pool stays taken past the
 * transaction's maxWait), which is worth a retry, not a 500; undefined for every other error.
 */
export function appErrorFromDatabaseError(error: unknown): AppError | undefined {
  if (isTransactionStartTimeout(error))
    return new AppError(
      "service_unavailable",
      `We are very busy right now and could not take this request in time. Nothing was saved; send it again in ${busyRetryAfterSeconds} seconds.`,
      { retryAfterSeconds: busyRetryAfterSeconds },
      { cause: error },
    );
  const state = sqlStateOf(error);
  if (!state || !invalidByteStates.has(state)) return undefined;
  return new AppError(
    "bad_request",
    "The request contains a character we cannot store (a NUL byte, another control character or invalid text encoding). Remove it and send it again.",
    undefined,
    { cause: error },
  );
}

/**
 * The SQLSTATE of an error from pg directly (`code`) or wrapped by Prisma's driver adapter
 * (`meta.driverAdapterError.cause.originalCode`), looking through `cause` chains.
 */
function sqlStateOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 4) return undefined;
  const candidate = error as {
    code?: unknown;
    originalCode?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
    cause?: unknown;
  };
  const adapterCause = candidate.meta?.driverAdapterError?.cause;
  for (const code of [adapterCause?.originalCode, adapterCause?.code, candidate.originalCode, candidate.code])
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  return sqlStateOf(candidate.cause, depth + 1);
}

/** Prisma's "Unable to start a transaction in the given time" (P2028), looking through `cause` chains. */
function isTransactionStartTimeout(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (
    candidate.code === "P2028" &&
    typeof candidate.message === "string" &&
    candidate.message.includes("Unable to start a transaction")
  )
    return true;
  return isTransactionStartTimeout(candidate.cause, depth + 1);
}
