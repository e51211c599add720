import { getLogger } from "../logging/logger";
import type { JobName, JobPayload } from "./job-definitions";
import { getJobQueue } from "./get-job-queue";

/**
 * After a change has committed: asks the worker to do its follow-up now. A queue that cannot be reached
 * is logged, not the user's problem, because every such job also runs on a schedule that sweeps up what
 * a lost request left behind.
 */
export async function requestJob<Name extends JobName>(
  name: Name,
  payload: JobPayload<Name>,
  options?: { singletonKey?: string; startAfter?: Date },
): Promise<void> {
  try {
    await (await getJobQueue()).send(name, payload, options);
  } catch (error) {
    getLogger().warn({ err: error, job: name }, "could not request the job; its scheduled run does it");
  }
}
