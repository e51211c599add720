import { z } from "zod";
import { getLogger } from "../logging/logger";
import { isAppError } from "./app-error";
import { appErrorFromDatabaseError } from "./app-error-from-database-error";

export interface FormErrorState {
  error?: string;
  fieldErrors?: Record<string, string>;
}

/**
 * What a server-action form shows for a failure: zod issues by field (nested paths joined with ".",
 * list positions left out so a bad entry of a list is reported on the list's field),
 * an AppError next to its field when it names one (each of several refusals in `details.fields` next to
 * its own) or above the form otherwise, and for anything
 * unexpected a logged error and a message that says to try again (never the internal details).
 */
export function formStateFromError(error: unknown, what: string): FormErrorState {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = issue.path.filter((segment) => typeof segment !== "number").join(".");
      fieldErrors[field || "form"] ??= issue.message;
    }
    return { fieldErrors };
  }
  const fromDatabase = appErrorFromDatabaseError(error);
  if (fromDatabase) return { error: fromDatabase.message };
  if (isAppError(error)) {
    const fields = error.details?.fields;
    // Several refusals at once (the API's `errors`): each next to its field, "" for the whole form.
    if (Array.isArray(fields) && fields.length > 1) {
      const fieldErrors: Record<string, string> = {};
      for (const refusal of fields as { path: string; message: string }[])
        fieldErrors[refusal.path || "form"] ??= refusal.message;
      return { fieldErrors };
    }
    const field = typeof error.details?.field === "string" ? error.details.field : undefined;
    return field ? { fieldErrors: { [field]: error.message } } : { error: error.message };
  }
  getLogger().error({ err: error }, `${what} failed`);
  return { error: `We could not ${what} just now. Please try again in a moment.` };
}
