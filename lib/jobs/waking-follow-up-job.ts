import { Prisma } from "../db/generated/client";
import type { FollowUpJob } from "./enqueue-job";
import { jobInsertFragment } from "./follow-up-job-insert";
import { jobSentChannel } from "./job-queue";

/**
 * A follow-up job that starts now, written by a statement of the caller's own with the NOTIFY that wakes
 * its workers at commit (what enqueueJobs sends as two round trips after the insert; decision 0124).
 * `cte` goes into the statement's WITH list (`"cteName" AS (…)`); `woken` must appear in its
 * final SELECT (a plain SELECT in a WITH list runs only when something reads it): it notifies once when the
 * job was written, and not when pg-boss skipped it (a singleton already waiting, or `when` false), as
 * enqueueJobs wakes workers only for a job it wrote. `cteName` is a plain SQL name of the caller's choosing.
 */
export async function wakingFollowUpJob(
  cteName: string,
  job: FollowUpJob,
  when?: string,
): Promise<{ cte: Prisma.Sql; woken: Prisma.Sql }> {
  if (!/^[a-z][a-zA-Z]*$/.test(cteName)) throw new Error(`Not a plain SQL name: ${cteName}`);
  const name = Prisma.raw(`"${cteName}"`);
  const cte = Prisma.sql`${name} AS (${await jobInsertFragment(job, when)})`;
  // The notification is a select-list call: PostgreSQL keeps a volatile output column of a subquery that
  // nothing reads, so it runs once per written job row, and never without one.
  const woken = Prisma.sql`(SELECT count(*)::int FROM (SELECT pg_notify(${jobSentChannel}, ${job.name})
                                                       FROM ${name}) AS "woken")`;
  return { cte, woken };
}
