import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import type { TransactionClient } from "../db/prisma";
import { loadProbations } from "./load-probations";
import { lockActiveSupplier } from "./lock-active-supplier";
import { probationRefusal } from "./probation-refusal";
import type { RankedCandidate, SkippedCandidate } from "./rank-candidates";

/**
 * Locks a ranked supplier's company row before a job is offered to it, and says why it may not get the
 * job after all (suspended meanwhile, or its probation's open-jobs limit reached meanwhile), or null.
 *
 * A supplier on probation is locked for update, not shared, and its open jobs are counted again after
 * the lock: the count the ranking used was read before any lock, so two lines matched at once both saw
 * the same count and the supplier went one job over its limit (decision 0048). Under READ COMMITTED the
 * count after the lock sees what the transaction that held the lock committed. Others keep the share lock,
 * so matching many lines for suppliers without probation does not queue on their rows.
 */
export async function lockCandidate(
  tx: TransactionClient,
  candidate: Pick<RankedCandidate, "companyId" | "name" | "supplierPriceCents">,
  onProbation: boolean,
  today: IsoDate,
): Promise<SkippedCandidate | null> {
  const suspended = {
    companyId: candidate.companyId,
    name: candidate.name,
    rule: "not-active",
    reason: "was suspended meanwhile",
  } as const;
  if (!onProbation) return (await lockActiveSupplier(tx, candidate.companyId)) ? null : suspended;
  // FOR NO KEY UPDATE: exclusive among matchers and against a suspension, but an offer row inserted by
  // another transaction (its foreign key takes a key-share lock) does not wait for it.
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "Company" WHERE "id" = ${candidate.companyId} FOR NO KEY UPDATE`;
  if (rows[0]?.status !== "ACTIVE") return suspended;
  const probation = (await loadProbations(tx, candidate.companyId)).get(candidate.companyId);
  const refusal = probationRefusal(probation, candidate.supplierPriceCents, today);
  return refusal
    ? { companyId: candidate.companyId, name: candidate.name, rule: "probation", reason: refusal }
    : null;
}
