/**
 * Runs a transaction again when PostgreSQL aborted it for a deadlock (40P01) or a serialization failure
 * (40001), which Prisma reports as P2034: both mean "another transaction got there first; try again", and the work is safe to repeat
 * because nothing of the aborted attempt was committed.
 */
export async function withTransactionRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

function isRetryable(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? "") + JSON.stringify(error ?? {});
  // Prisma reports both as P2034 ("Transaction failed due to a write conflict or a deadlock").
  return /40P01|40001|P2034|deadlock detected|could not serialize|write conflict or a deadlock/i.test(text);
}
