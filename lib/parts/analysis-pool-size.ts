import os from "node:os";
import type { Environment } from "../env";

type PoolSettings = Pick<Environment, "ANALYSIS_WORKERS" | "ANALYSIS_WORKER_MEMORY_MB">;

/** The machine as the pool sees it (passed in by tests). */
export interface MachineSize {
  cores: number;
  memoryMb: number;
}

function thisMachine(): MachineSize {
  return { cores: os.availableParallelism(), memoryMb: Math.floor(os.totalmem() / (1024 * 1024)) };
}

/**
 * How many analysis worker threads this process runs (docs/decisions/0049, 0071). ANALYSIS_WORKERS when
 * set; otherwise one per core, and only as many as half the machine's memory holds at each worker's heap
 * limit (ANALYSIS_WORKER_MEMORY_MB); always at least one. The web server and PostgreSQL no longer keep a
 * core of their own: the workers run at a lower CPU priority (ANALYSIS_WORKER_NICE), so they go first
 * when they need it, and the cores serve analyses when they do not (on 2 cores: 2 workers, not 1).
 */
export function analysisPoolSize(env: PoolSettings, machine: MachineSize = thisMachine()): number {
  if (env.ANALYSIS_WORKERS) return env.ANALYSIS_WORKERS;
  const byCores = machine.cores;
  const byMemory = Math.floor(machine.memoryMb / 2 / env.ANALYSIS_WORKER_MEMORY_MB);
  return Math.max(1, Math.min(byCores, byMemory));
}
