import type { SubmissionResult } from "@conform-to/react";

/**
 * What a form action (lib/forms/form-action.ts) answers and its form (use-form-action.ts) reads:
 * Conform's submission result (errors by field, "" for the whole form, and what was sent, passwords left
 * out) plus the sentence to show when it worked.
 */
export type FormReply = SubmissionResult<string[]> & { success?: string };
