import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { AnalysisStage } from "../../quoting-engine/analysis/analysis-stage";
import type { Database } from "../db/prisma";
import { getLogger } from "../logging/logger";

/**
 * Writes what the engine reports while it analyses a part onto the part, in the order it came: the step
 * (`analysisStage`) and the report measured before features (`preliminaryAnalysis`, priced first and
 * shown as preliminary). Only while the part is still ANALYZING: a late message never overwrites the
 * final analysis. `settled` waits for the writes, before the final one.
 */
export function followAnalysis(db: Database, partId: string) {
  let chain: Promise<unknown> = Promise.resolve();
  const write = (data: Parameters<Database["part"]["updateMany"]>[0]["data"]) => {
    chain = chain
      .then(() => db.part.updateMany({ where: { id: partId, status: "ANALYZING" }, data }))
      .catch((error: unknown) =>
        getLogger().warn({ err: error, partId }, "could not store the analysis step"),
      );
  };
  return {
    stage: (stage: AnalysisStage) => write({ analysisStage: stage }),
    measured: (report: AnalysisReport) =>
      write({ preliminaryAnalysis: report as unknown as object, preliminaryAnalysisAt: new Date() }),
    settled: () => chain,
  };
}
