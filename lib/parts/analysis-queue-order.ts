import { Prisma } from "../db/generated/client";
import type { Database } from "../db/prisma";

/** A part waiting for analysis, in the order the workers take them. */
export interface WaitingPart {
  id: string;
  sizeBytes: number;
}

/** SQL: a part waiting for a worker (uploaded, or sent back for a re-analysis nobody has started). */
const waitingCondition = Prisma.sql`(p.status = 'UPLOADED' OR (p.status = 'ANALYZING' AND p."analysisStartedAt" IS NULL))`;

/**
 * The waiting parts in the order workers take them (docs/decisions/0049): fair per buyer first, then
 * shortest first with ageing. Each buyer's (company's or visitor's) files are numbered by their turn, the
 * buyer's files taken or done while its oldest waiting file waited counting as turns taken, so buyers
 * take turns: one buyer's twenty files wait behind another buyer's first. Within a round the smallest file goes first, a file counting
 * half as big for each `halfLifeSeconds` it has waited, so a big file is not passed forever (a 2 MB file
 * waiting 25 s goes before a new 66 KB one at 5 s), while files dropped within a second keep their order
 * by size.
 */
export function waitingPartsInOrder(
  db: Database,
  options: { halfLifeSeconds: number; limit: number },
): Promise<WaitingPart[]> {
  return db.$queryRaw<WaitingPart[]>`
    ${orderedWaitingParts(options.halfLifeSeconds)}
    SELECT id, "sizeBytes"::float8 AS "sizeBytes" FROM ordered ORDER BY position LIMIT ${options.limit}`;
}

/** How many waiting files go before this part (null when it is not waiting). */
export async function filesAheadOf(
  db: Database,
  partId: string,
  options: { halfLifeSeconds: number },
): Promise<number | null> {
  const [row] = await db.$queryRaw<{ position: number }[]>`
    ${orderedWaitingParts(options.halfLifeSeconds)}
    SELECT position::int AS position FROM ordered WHERE id = ${partId}`;
  return row ? row.position - 1 : null;
}

function orderedWaitingParts(halfLifeSeconds: number): Prisma.Sql {
  return Prisma.sql`
    WITH waiting AS (
      SELECT p.id, p."sizeBytes", p."createdAt", p."companyId", p."visitorToken",
             coalesce(p."companyId", 'visitor:' || p."visitorToken", 'part:' || p.id) AS owner,
             -- log2 of the size less one per half-life waited: the size halved per half-life, without
             -- underflow for files that have waited long.
             log(2.0, greatest(p."sizeBytes", 1)::numeric)::float8
               - extract(epoch FROM now() - p."createdAt")::float8 / ${halfLifeSeconds}::float8 AS effective
      FROM "Part" p
      WHERE ${waitingCondition}
    ), owners AS (
      SELECT owner, min("companyId") AS "companyId", min("visitorToken") AS "visitorToken",
             min("createdAt") AS since
      FROM waiting GROUP BY owner
    ), served AS (
      -- Turns a buyer has had while its oldest waiting file waited: its files taken or done since then
      -- (uploaded within the day before, so the buyer's index bounds the count).
      SELECT o.owner, (
        SELECT count(*) FROM "Part" q
        WHERE (q."companyId" = o."companyId"
               OR (o."companyId" IS NULL AND q."companyId" IS NULL AND q."visitorToken" = o."visitorToken"))
          AND q."createdAt" >= o.since - interval '1 day'
          AND q."updatedAt" >= o.since
          AND NOT (q.status = 'UPLOADED' OR (q.status = 'ANALYZING' AND q."analysisStartedAt" IS NULL))
      ) AS turns
      FROM owners o
    ), turns AS (
      SELECT w.id, w."sizeBytes", w."createdAt", w.effective,
             s.turns + row_number() OVER (PARTITION BY w.owner ORDER BY w.effective, w."createdAt", w.id)
               AS turn
      FROM waiting w JOIN served s ON s.owner = w.owner
    ), ordered AS (
      SELECT id, "sizeBytes", row_number() OVER (ORDER BY turn, effective, "createdAt", id) AS position
      FROM turns
    )`;
}
