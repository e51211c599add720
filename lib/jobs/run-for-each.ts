import { getLogger } from "../logging/logger";

/**
 * Runs a sweep's step for each id in turn: one failing does not stop the others; the first error is
 * thrown at the end, so the job is retried (every step must be safe to repeat).
 */
export async function runForEach<Outcome>(
  ids: string[],
  step: (id: string) => Promise<Outcome>,
  what: string,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let firstError: unknown;
  for (const id of ids) {
    try {
      outcomes.push(await step(id));
    } catch (error) {
      getLogger().warn({ err: error, id }, `${what} interrupted; it is retried`);
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
  return outcomes;
}
