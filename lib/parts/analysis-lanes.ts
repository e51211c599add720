/** The pool's lanes (docs/decisions/0071): how many workers it has and what counts as a big file. */
export interface AnalysisLaneSettings {
  /** Worker threads in this process's pool. */
  workers: number;
  /** Files of this many bytes or more are big: with two workers or more, one worker stays for the rest. */
  bigFileBytes: number;
}

export interface AnalysisLanes {
  /**
   * Takes a place for a file of this size, or answers undefined when it is big and every worker but one
   * already holds a big file (the last one is kept for small files). The place is given back by the
   * returned function, once.
   */
  enter(sizeBytes: number): (() => void) | undefined;
}

/**
 * Keeps one worker free of big files: with n ≥ 2 workers at most n − 1 analyse a big file at once, so a
 * small file dropped with (or after) a 2 MB STEP never waits for it. One worker takes anything.
 */
export function createAnalysisLanes(settings: AnalysisLaneSettings): AnalysisLanes {
  const bigLanes = settings.workers >= 2 ? settings.workers - 1 : Number.POSITIVE_INFINITY;
  let bigRunning = 0;
  return {
    enter(sizeBytes) {
      if (sizeBytes < settings.bigFileBytes) return () => undefined;
      if (bigRunning >= bigLanes) return undefined;
      bigRunning++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        bigRunning--;
      };
    },
  };
}
