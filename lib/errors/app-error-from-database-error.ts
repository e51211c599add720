import { AppError } from "./app-error";

/**
 * PostgreSQL's "invalid byte" SQLSTATEs: 22021 (a NUL byte or invalid UTF-8 in text) and 22P05 (an
 * untranslatable character, e.g. \u0000 inside jsonb). Both mean the request carried bad bytes, never
 * that the server failed, so they must not answer 500 "try again later".
 */
const invalidByteStates = new Set(["22021", "22P05"]);

/** The input's fault among database errors, as a coded AppError; undefined for every other error. */
export function appErrorFromDatabaseError(error: unknown): AppError | undefined {
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
