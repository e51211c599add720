import type { Database } from "../db/prisma";
import { runForEach } from "../jobs/run-for-each";
import { releasePayout } from "./release-payout";

/**
 * The `payouts.release-due` job: every payout whose complaint window has closed (or the one given, sent at
 * delivery to start at its due time) gets its self-billing invoice and becomes due. Safe to run twice and
 * on several workers at once: each release locks its payout and skips one no longer waiting. Returns the
 * ids of the payouts released.
 */
export async function releaseDuePayouts(
  db: Database,
  payoutId?: string,
  now = new Date(),
): Promise<string[]> {
  const due = await db.payout.findMany({
    where: { status: "WAITING", dueAt: { lte: now }, ...(payoutId ? { id: payoutId } : {}) },
    orderBy: { dueAt: "asc" },
    take: 500,
    select: { id: true },
  });
  const released = await runForEach(
    due.map((payout) => payout.id),
    (id) => db.$transaction((tx) => releasePayout(tx, id, now), { timeout: 20_000, maxWait: 10_000 }),
    "payout release after the complaint window",
  );
  return released.flatMap((payout) => (payout?.payoutId ? [payout.payoutId] : []));
}
