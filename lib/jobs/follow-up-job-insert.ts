import { Prisma } from "../db/generated/client";
import { getSendOnlyQueue, sqlValue, type FollowUpJob } from "./enqueue-job";
import { jobDefinitions } from "./job-definitions";
import { startsNow } from "./job-queue";

/** Where pg-boss's job insert joins the job to its queue: a condition added there writes no job. */
const jobJoinsQueue = "j JOIN pgboss.queue q ON j.name = q.name";

/**
 * A follow-up job's insert as a fragment for a statement of the caller's own (as a common table
 * expression, `jobName AS (${fragment})`), which writes it with everything else in one round trip
 * (decision 0123: the matcher's offer expiry). pg-boss builds the INSERT as enqueueJobs would send it;
 * nothing is sent here. With `when` (a boolean SQL expression of that statement, without values of its
 * own) the job is written only when it holds. Only for a job that starts later: one that starts now
 * needs its workers woken after the insert (enqueueJobs).
 */
export async function followUpJobInsert(job: FollowUpJob, when?: string): Promise<Prisma.Sql> {
  if (startsNow(job.options?.startAfter))
    throw new Error(
      `${job.name} starts now: send it with enqueueJobs or wakingFollowUpJob, which wake its workers.`,
    );
  return jobInsertFragment(job, when);
}

/** followUpJobInsert's fragment for any job, whenever it starts (its workers are the caller's to wake). */
export async function jobInsertFragment(job: FollowUpJob, when?: string): Promise<Prisma.Sql> {
  const payload = jobDefinitions[job.name].payload.parse(job.payload);
  let insert: { text: string; values: unknown[] } | undefined;
  await getSendOnlyQueue().send(job.name, payload as object, {
    singletonKey: job.options?.singletonKey,
    startAfter: job.options?.startAfter,
    db: {
      executeSql: async (text: string, values: unknown[]) => {
        if (insert) throw new Error("pg-boss sent a second statement for one job: it cannot be a fragment.");
        insert = { text, values };
        return { rows: [{ id: "" }] };
      },
    },
  });
  if (!insert) throw new Error(`pg-boss built no insert for ${job.name}.`);
  let text = insert.text;
  if (when) {
    if (!text.includes(jobJoinsQueue))
      throw new Error("pg-boss's job insert no longer joins its queue as followUpJobInsert expects.");
    text = text.replace(jobJoinsQueue, `${jobJoinsQueue} AND ${when}`);
  }
  // "$1"… become the fragment's own values (one per place: a value used twice is sent twice).
  const pieces = text.split(/\$(\d+)/);
  const strings = pieces.filter((_, index) => index % 2 === 0);
  const values = pieces
    .filter((_, index) => index % 2 === 1)
    .map((number) => sqlValue(insert!.values[Number(number) - 1]));
  return new Prisma.Sql(strings, values as Prisma.Sql["values"]);
}
