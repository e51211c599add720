import {
  createAnalysisPool,
  type AnalysisPool,
  type AnalysisPoolOptions,
} from "../../quoting-engine/analysis/analysis-worker-pool";
import { getEnv } from "../env";
import { createAnalysisLanes, type AnalysisLanes } from "./analysis-lanes";
import { analysisPoolSize } from "./analysis-pool-size";

let pool: AnalysisPool | undefined;
let lanes: AnalysisLanes | undefined;

/**
 * The pool's settings: as many workers as the machine holds (lib/parts/analysis-pool-size.ts; the web
 * server keeps a core), each heap capped at ANALYSIS_WORKER_MEMORY_MB, so a file that needs more fails
 * alone (`out_of_memory`) and the worker is replaced instead of the whole server growing.
 */
export function analysisPoolOptions(env = getEnv()): AnalysisPoolOptions {
  return {
    size: analysisPoolSize(env),
    maxHeapMb: env.ANALYSIS_WORKER_MEMORY_MB,
    workerNice: env.ANALYSIS_WORKER_NICE,
  };
}

/** This process's analysis worker threads, started on first use (each loads the CAD kernels once). */
export function getAnalysisPool(): AnalysisPool {
  pool ??= createAnalysisPool(analysisPoolOptions());
  return pool;
}

/** Which of this process's workers may take a big file (one is kept for small ones; decision 0071). */
export function getAnalysisLanes(env = getEnv()): AnalysisLanes {
  lanes ??= createAnalysisLanes({
    workers: analysisPoolSize(env),
    bigFileBytes: env.ANALYSIS_BIG_FILE_BYTES,
  });
  return lanes;
}

/** Ends the worker threads, so the process can exit. */
export async function closeAnalysisPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.close();
}
