import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { loadProbations } from "../matching/load-probations";
import { formatEuros } from "../money/format-euros";

/**
 * Refuses a partner's answer that would give it a job paying more than its open probation allows: a
 * counteroffer's raised price, or an offer made before operations started the probation (a renewed audit
 * approved with conditions). The matcher keeps to the limit when it offers (probation-refusal.ts); the
 * partner's own answer must not get round it. The offer stays open for the partner to answer otherwise.
 */
export async function assertWithinProbationLimit(
  tx: TransactionClient,
  companyId: string,
  jobPriceCents: number,
  answer: "accept" | "counteroffer",
): Promise<void> {
  const limitCents = (await loadProbations(tx, companyId)).get(companyId)?.maxOrderValueCents ?? null;
  if (limitCents === null || jobPriceCents <= limitCents) return;
  throw new AppError(
    "validation_failed",
    answer === "counteroffer"
      ? `Your company is on probation: a job may pay it at most ${formatEuros(limitCents)} until operations lift the probation. Ask at most ${formatEuros(limitCents)}.`
      : `Your company is on probation: a job may pay it at most ${formatEuros(limitCents)} until operations lift the probation, and this one pays ${formatEuros(jobPriceCents)}. Reject it so it goes to another partner.`,
    answer === "counteroffer" ? { field: "price" } : undefined,
  );
}
