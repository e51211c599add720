// One line of issue 22's targets table, written by the bench that measured it when `npm run bench`
// (bench/targets.ts) runs it: BENCH_TARGETS_FILE names a file of JSON lines the table is printed from.
// Run alone, a bench writes nothing here and prints its own verdicts as before.
import { appendFileSync } from "node:fs";

export interface TargetResult {
  /** The measure as the table names it, e.g. "matcher, 1,000 partners (median)". */
  measure: string;
  /** What this run measured, with its unit, e.g. "18.2 ms". */
  value: string;
  /** What it is compared with, measured in the same run (another tool, the old code, the same work alone). */
  reference: string;
  /** The target as the issue states it, e.g. "< 25 ms". */
  target: string;
  pass: boolean;
}

/** Writes the row for the targets table (when run by it) and, for a target missed, sets exit code 1. */
export function reportTarget(result: TargetResult): void {
  if (!result.pass) process.exitCode = 1;
  const file = process.env.BENCH_TARGETS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
}

/** A millisecond value for the table: "840 ms" or "1.25 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "not measured";
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Runs a bench's main function; an error is printed and ends the bench with exit code 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
