// Decision 0124: a job that starts now, written by a statement of the caller's with the NOTIFY that wakes
// its workers, once per written job and never when the statement's condition kept the job out.
import pg from "pg";
import pino from "pino";
import { Prisma } from "../../lib/db/generated/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { followUpJob } from "../../lib/jobs/enqueue-job";
import { startJobQueue } from "../../lib/jobs/job-queue";
import { wakingFollowUpJob } from "../../lib/jobs/waking-follow-up-job";
import { createTestDatabase } from "./setup/test-database";

describe("a follow-up job that starts now, in the caller's statement", () => {
  let url: string;
  let db: Database;
  let listener: pg.Client;
  const woken: string[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    db = createPrismaClient(url);
    const queue = await startJobQueue(url, pino({ level: "silent" }));
    await queue.stop();
    listener = new pg.Client({ connectionString: url });
    await listener.connect();
    listener.on("notification", (message) => {
      if (message.channel === "job_sent") woken.push(message.payload ?? "");
    });
    await listener.query("LISTEN job_sent");
  });

  afterAll(async () => {
    await listener?.end();
    await db?.$disconnect();
  });

  const emailJobs = async () =>
    (
      await db.$queryRaw<
        { count: number }[]
      >`SELECT count(*)::int AS "count" FROM pgboss.job WHERE name = 'emails.deliver'`
    )[0]!.count;

  /** Runs `WITH wanted AS (SELECT <wanted>), <job> SELECT <woken>` and returns what woken counted. */
  async function sendWhen(wanted: boolean): Promise<number> {
    const job = await wakingFollowUpJob(
      "emailJob",
      followUpJob("emails.deliver", {}, { singletonKey: "emails.deliver" }),
      `(SELECT "ok" FROM wanted)`,
    );
    const [row] = await db.$queryRaw<{ woken: number }[]>(
      Prisma.sql`WITH wanted AS (SELECT ${wanted}::boolean AS "ok"), ${job.cte} SELECT ${job.woken} AS "woken"`,
    );
    return row!.woken;
  }

  /** The notifications received within `ms` after now. */
  async function notificationsWithin(ms: number): Promise<string[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return woken.splice(0);
  }

  it("writes the job and notifies its workers once when the condition holds", async () => {
    const before = await emailJobs();
    expect(await sendWhen(true)).toBe(1);
    expect(await emailJobs()).toBe(before + 1);
    expect(await notificationsWithin(300)).toEqual(["emails.deliver"]);
  });

  it("writes nothing and notifies nobody when the condition does not hold", async () => {
    const before = await emailJobs();
    expect(await sendWhen(false)).toBe(0);
    expect(await emailJobs()).toBe(before);
    expect(await notificationsWithin(300)).toEqual([]);
  });

  it("notifies nobody when the statement's transaction rolls back", async () => {
    const before = await emailJobs();
    await expect(
      db.$transaction(async (tx) => {
        const job = await wakingFollowUpJob("emailJob", followUpJob("emails.deliver", {}));
        await tx.$queryRaw(Prisma.sql`WITH ${job.cte} SELECT ${job.woken} AS "woken"`);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect(await emailJobs()).toBe(before);
    expect(await notificationsWithin(300)).toEqual([]);
  });

  it("refuses a name that is not a plain SQL name", async () => {
    await expect(wakingFollowUpJob('x"; DROP TABLE "User', followUpJob("emails.deliver", {}))).rejects.toThrow(
      /plain SQL name/,
    );
  });
});
