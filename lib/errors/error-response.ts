import { z } from "zod";
import { AppError, isAppError, type AppErrorCode } from "./app-error";
import { appErrorFromDatabaseError } from "./app-error-from-database-error";
import { describeZodIssues, zodIssuesSentence } from "./describe-zod-issues";
import { httpStatusForErrorCode } from "./http-status-for-error-code";

export interface ErrorBody {
  error: { code: AppErrorCode; message: string; details?: Record<string, unknown> };
}

/**
 * Turns any thrown value into the API's `{ error: { code, message } }` body and its status.
 * Unexpected errors become a generic internal_error: their text never reaches the client.
 */
export function errorResponseFor(error: unknown): { status: number; body: ErrorBody } {
  const appError = toAppError(error);
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.details) body.error.details = appError.details;
  return { status: httpStatusForErrorCode[appError.code], body };
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof z.ZodError) {
    const fields = describeZodIssues(error);
    return new AppError("validation_failed", zodIssuesSentence("The request is not valid:", fields), {
      fields,
    });
  }
  const fromDatabase = appErrorFromDatabaseError(error);
  if (fromDatabase) return fromDatabase;
  return new AppError(
    "internal_error",
    "Something went wrong on our side. Please try again in a moment.",
    undefined,
    {
      cause: error,
    },
  );
}
