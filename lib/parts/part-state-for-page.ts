import type { Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { getEnv } from "../env";
import { filesAheadOf } from "./analysis-queue-order";
import { currentAnalysis } from "./current-analysis";
import { toPartSummary } from "./part-summary";

/**
 * A part as GET /api/v1/parts/{id} answers it to the buyer's pages: its summary with its current analysis
 * and, while it waits for a worker, how many files go first.
 */
export async function partStateForPage(db: Database, part: Part) {
  const report = await currentAnalysis(db, part);
  const waiting =
    part.status === "UPLOADED" || (part.status === "ANALYZING" && !part.analysisStartedAt)
      ? {
          filesAhead: await filesAheadOf(db, part.id, {
            halfLifeSeconds: getEnv().ANALYSIS_AGEING_HALF_LIFE_SECONDS,
          }),
        }
      : undefined;
  return toPartSummary(part, report, waiting);
}
