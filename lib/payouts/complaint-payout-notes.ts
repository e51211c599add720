import type { TransactionClient } from "../db/prisma";
import { appUrl } from "../env";
import { formatEuros } from "../money/format-euros";
import { payoutDay } from "./payout-status-for-supplier";
import { payoutHeldReasonForOperations } from "./payout-held-reason-for-operations";

/**
 * What a new complaint means for the partner's payout, for the e-mails that report it: operations read
 * whether the payout is held (they may still withhold it) or was made already, before the complaint, and
 * cannot be held back (docs/decisions/0031); the partner reads that its payout is held, when it is.
 */
export async function complaintPayoutNotes(
  tx: TransactionClient,
  orderLineId: string,
  heldNow: boolean,
): Promise<{ operations: string | null; supplier: string | null }> {
  const payout = await tx.payout.findUnique({
    where: { orderLineId },
    include: { order: { select: { number: true } }, orderLine: { select: { noComplaintConfirmedAt: true } } },
  });
  if (!payout) return { operations: null, supplier: null };
  const amount = formatEuros(payout.amountCents);
  if (heldNow)
    return {
      operations: `The partner's payout of ${amount} is held until you decide; you may withhold it.`,
      supplier: [
        `Your payout of ${amount} for this job is held: complaint open. Operations decide before it is paid and tell you the outcome.`,
        `Your payouts: ${appUrl()}/supplier/payouts`,
      ].join("\n\n"),
    };
  const why = payout.orderLine.noComplaintConfirmedAt
    ? `the buyer confirmed "no complaint" on ${payoutDay(payout.orderLine.noComplaintConfirmedAt)}`
    : "its complaint window had closed";
  if (payout.status === "PAID")
    return {
      operations: `The partner's payout of ${amount} was paid on ${payout.paidAt ? payoutDay(payout.paidAt) : "an earlier day"}, before this complaint (${why}): it cannot be held back or withheld. If you uphold the complaint, recover the amount from the partner.`,
      supplier: null,
    };
  if (payout.status === "HELD" || payout.status === "FAILED")
    return {
      operations: `The partner's payout of ${amount} is not paid (${payout.status === "HELD" ? `held: ${payout.heldReason ? payoutHeldReasonForOperations(payout.heldReason) : "no reason recorded"}` : "its transfer failed"}); you may withhold it.`,
      supplier: null,
    };
  return { operations: null, supplier: null };
}
