// The matcher bench's verdicts on issue 22's targets, printed and written to the targets table.
import { median } from "./median";
import { formatMs, reportTarget } from "./target-result";

/** Issue 22's targets: median full match by number of suppliers. */
const targetMsBySuppliers: Record<number, number> = { 1000: 25, 10000: 250 };

/**
 * Prints each targeted size's verdict and reports it with its reference: the old matcher alternated in
 * the same run (at 1,000 partners, with BENCH_BASELINE), otherwise the read-only decision's median.
 * A target missed sets exit code 1 (reportTarget).
 */
export function reportMatchTargets(
  results: { suppliers: number; matchMs: number[]; decisionMs: number[] }[],
  runs: number,
  baselineMedian: { label: string; wallMedianMs: number } | undefined,
): void {
  for (const result of results) {
    const targetMs = targetMsBySuppliers[result.suppliers];
    if (targetMs === undefined) continue;
    const worst = Math.max(...result.matchMs);
    const typical = median(result.matchMs);
    const pass = typical < targetMs;
    console.log(
      `\nTarget: a full match under ${targetMs} ms at ${result.suppliers} partners (median of ${runs} runs): ` +
        `${typical.toFixed(1)} ms — ${pass ? "PASS" : "FAIL"} (worst ${worst.toFixed(1)} ms)`,
    );
    reportTarget({
      measure: `matcher, ${result.suppliers.toLocaleString("en")} partners with a year of reservations (median of ${runs})`,
      value: `${formatMs(typical)} (worst ${formatMs(worst)})`,
      reference:
        result.suppliers === 1000 && baselineMedian
          ? `${baselineMedian.label} matcher alternated: ${formatMs(baselineMedian.wallMedianMs)}`
          : `read-only decision: ${formatMs(median(result.decisionMs))}`,
      target: `< ${formatMs(targetMs)} median`,
      pass,
    });
  }
}
