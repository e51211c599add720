import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";

let pool: AnalysisPool | undefined;

/** This process's analysis worker threads, started on first use (each loads the CAD kernels once). */
export function getAnalysisPool(): AnalysisPool {
  pool ??= createAnalysisPool({ size: 1 });
  return pool;
}

/** Ends the worker threads, so the process can exit. */
export async function closeAnalysisPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.close();
}
