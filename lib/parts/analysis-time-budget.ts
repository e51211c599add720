import { getEnv, type Environment } from "../env";

type BudgetSettings = Pick<
  Environment,
  "ANALYSIS_TIMEOUT_BASE_SECONDS" | "ANALYSIS_TIMEOUT_SECONDS_PER_MB" | "ANALYSIS_TIMEOUT_MAX_SECONDS"
>;

/**
 * How long one file may take to analyse: a base for loading and small files plus a share per megabyte,
 * capped. A 40 KB file gets about 20 s instead of the flat 120 s that mutated BREP files used to hold a
 * worker for; a 2 MB STEP (1.5 s on a quiet machine) 40 s; 10 MB and more the cap (docs/decisions/0046).
 */
export function analysisTimeoutMs(sizeBytes: number, env: BudgetSettings = getEnv()): number {
  const seconds =
    env.ANALYSIS_TIMEOUT_BASE_SECONDS + (sizeBytes / (1024 * 1024)) * env.ANALYSIS_TIMEOUT_SECONDS_PER_MB;
  return Math.round(Math.min(env.ANALYSIS_TIMEOUT_MAX_SECONDS, seconds) * 1000);
}

/**
 * The pg-boss expiry of an analysis job: the longest budget plus time to read the file and store the
 * result. A job whose worker died is given to another worker after this, not after pg-boss's 15 minutes.
 */
export function analysisJobExpirySeconds(
  // Read directly: the queue is also started where the rest of the environment is not set (test setup);
  // lib/env.ts validates the variable (default 120) wherever the app runs.
  maxSeconds = Number(process.env.ANALYSIS_TIMEOUT_MAX_SECONDS) || 120,
): number {
  return Math.ceil(maxSeconds) + 60;
}
