import type { AnalysisFailure } from "./analyze-file";

/**
 * The answer for a file stopped at its time limit: "busy_timeout" when its thread had the processor for
 * less than half the limit (other files, the web server or another program had the cores: the file
 * itself is not the problem), else "timeout", the file too slow to analyse. Without a processor time
 * (not Linux), "timeout".
 */
export function timedOutFailure(timeoutMs: number, processorMs: number | undefined): AnalysisFailure {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  if (processorMs !== undefined && processorMs < timeoutMs / 2)
    return {
      ok: false,
      error: {
        code: "busy_timeout",
        message: `The analysis was stopped after ${seconds} s because the service was busy with other files: it had the processor for only ${(processorMs / 1000).toFixed(1)} s of them. The file itself is not the problem; upload it again in a few minutes or ask for a manual quote.`,
      },
    };
  return {
    ok: false,
    error: {
      code: "timeout",
      message: `The analysis took longer than ${seconds} s and was stopped. Simplify the model or ask for a manual quote.`,
    },
  };
}
