import type { z } from "zod";
import { AppError } from "./app-error";
import { describeZodIssues, zodIssuesSentence } from "./describe-zod-issues";

/**
 * The value parsed by `schema`, or a validation_failed AppError whose message names each bad field and
 * what it takes (describe-zod-issues.ts), after `intro`, with the fields in `details.fields` (the public
 * API's `errors`).
 */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, intro: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = describeZodIssues(parsed.error, schema);
  throw new AppError("validation_failed", zodIssuesSentence(intro, fields), { fields });
}
