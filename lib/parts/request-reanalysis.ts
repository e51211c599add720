import type { Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import type { JobQueue } from "../jobs/job-queue";
import { getLogger } from "../logging/logger";
import { analysisPriority } from "./store-part-upload";

/**
 * Sends a part whose stored analysis an older engine wrote back to the analysis job, once: the part
 * moves from ANALYZED to ANALYZING only if it is still as the reader saw it (same status, same
 * analysisVersion and analysisRevision), so of many readers at the same moment one sends the job; the others see ANALYZING.
 * Should the queue refuse the job, the part goes back to ANALYZED and the next read tries again, so it is
 * never left waiting for a job that does not exist. Returns whether this call sent the job.
 */
export async function requestReanalysis(
  deps: { db: Database; queue: () => Promise<Pick<JobQueue, "send">> },
  part: Pick<Part, "id" | "analysisVersion" | "analysisRevision" | "companyId">,
): Promise<boolean> {
  const claimed = await deps.db.part.updateMany({
    where: {
      id: part.id,
      status: "ANALYZED",
      analysisVersion: part.analysisVersion,
      analysisRevision: part.analysisRevision,
    },
    data: { status: "ANALYZING" },
  });
  if (claimed.count === 0) return false;
  try {
    await (
      await deps.queue()
    ).send(
      "parts.analyze",
      { partId: part.id },
      {
        singletonKey: part.id,
        priority: part.companyId ? analysisPriority.signedIn : analysisPriority.visitor,
      },
    );
    return true;
  } catch (error) {
    await deps.db.part.updateMany({
      where: { id: part.id, status: "ANALYZING" },
      data: { status: "ANALYZED" },
    });
    getLogger().warn(
      { err: error, partId: part.id },
      "could not queue the re-analysis; the next read asks again",
    );
    return false;
  }
}
