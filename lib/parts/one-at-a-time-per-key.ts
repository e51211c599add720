/**
 * Runs `work` after every earlier call with the same key in this process has settled, so that calls on one
 * key wait here, in memory, instead of each holding a database connection while it waits on the same
 * advisory lock (50 visitors behind one office address emptied the pool of 10 and got HTTP 500s, issue
 * 22's load benchmark). The advisory lock stays: it is what keeps several processes correct; this only
 * keeps one process from queueing on it with its whole pool.
 *
 * Hand-written rather than a keyed-mutex package: it is one promise chain per key and a map entry that is
 * removed when the chain drains (docs/decisions/0063-upload-quota-lock-outside-the-pool.md).
 */
export function oneAtATimePerKey(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const before = tails.get(key) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      // Only the last caller of a key removes it; a later caller has replaced the tail already.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
