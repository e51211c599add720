import { getLogger } from "../logging/logger";
import { startJobQueue, type JobQueue } from "./job-queue";

/**
 * The process's job queue for request handlers. `npm start` registers the one it started (Next's
 * bundles share the process, so a global carries it across); anywhere else a queue is started on first
 * use from DATABASE_URL, for sending only.
 */
const globalForQueue = globalThis as unknown as { jobQueue?: JobQueue; jobQueueStarting?: Promise<JobQueue> };

export function registerJobQueue(queue: JobQueue): void {
  globalForQueue.jobQueue = queue;
}

export async function getJobQueue(): Promise<Pick<JobQueue, "send">> {
  if (globalForQueue.jobQueue) return globalForQueue.jobQueue;
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: start the app with `npm start`.");
  globalForQueue.jobQueueStarting ??= startJobQueue(databaseUrl, getLogger());
  return globalForQueue.jobQueueStarting;
}
