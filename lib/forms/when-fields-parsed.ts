import type { core } from "zod";

/**
 * For an object's `refine` or `superRefine` that compares fields ("the last day on or after the first"):
 * run it as soon as the fields it reads parsed, whatever else on the form failed. Zod skips an object's
 * refinements once any field failed with an aborting issue (a transform's or pipe's refusal, a missing
 * value), so a cross-field error came only in a second round, after the person fixed the others. The
 * fields it reads must have parsed (and the value be an object), so it never compares a refused value.
 */
export function whenFieldsParsed(...fields: string[]): { when: (payload: core.ParsePayload) => boolean } {
  return {
    // Never on a value that is not an object at all (a missing address): its fields were never parsed.
    when: (payload) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0]))),
  };
}
