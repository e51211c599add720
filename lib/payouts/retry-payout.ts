import { requestPayout } from "./request-payout";
import { movePayouts } from "./move-payouts";
import { randomUUID } from "node:crypto";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { payoutMethodFor } from "./payout-method-for";

/**
 * Operations retry a failed payout once the supplier fixed its account. It gets a new idempotency key:
 * Stripe keeps the refusal under the old one and would answer the retry with it.
 */
export async function retryPayout(
  db: Database,
  operator: { userId: string },
  payoutId: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const payout = await tx.payout.findUnique({
      where: { id: payoutId },
      include: { supplierCompany: true },
    });
    if (!payout || payout.status !== "FAILED")
      throw new AppError("invalid_state_transition", "Only a failed payout can be retried.");
    const method = payoutMethodFor(payout.supplierCompany);
    if (!method)
      throw new AppError(
        "invalid_state_transition",
        "The partner has no payout details yet: no Stripe account, no IBAN.",
      );
    const idempotencyKey = `payout-${payout.orderLineId}-${randomUUID()}`;
    const moved = await movePayouts(tx, {
      where: { id: payoutId },
      from: ["FAILED"],
      to: "PENDING",
      // A fresh count of balance refusals; a reversed transfer is replaced by a new one in full.
      set: {
        method,
        failureReason: null,
        idempotencyKey,
        transferAttempts: 0,
        nextTransferAttemptAt: null,
        amountReversedCents: 0,
      },
    });
    // A second press at the same moment read FAILED too and waited for the first one's commit: the payout
    // is pending under the first one's key, so this one refuses instead of logging a retry that did nothing.
    if (moved !== 1) throw new AppError("invalid_state_transition", "This payout is being retried already.");
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: payout.supplierCompanyId,
      action: "payout.retried",
      entityType: "Payout",
      entityId: payoutId,
      data: { method, idempotencyKey },
    });
    if (method === "STRIPE_TRANSFER") await requestPayout(tx, payoutId);
    return method === "STRIPE_TRANSFER";
  });
}
