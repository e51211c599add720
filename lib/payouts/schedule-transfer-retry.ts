import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { movePayouts } from "./move-payouts";
import { loadPayoutRetrySettings, transferRetryDelayMs } from "./payout-retry-settings";
import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { formatEuros } from "../money/format-euros";
import { queueEmail } from "../notifications/queue-email";

interface RefusedPayout {
  id: string;
  orderId: string;
  orderLineId: string;
  supplierCompanyId: string;
  amountCents: number;
  transferAttempts: number;
  supplierCompany: { name: string };
  order: { number: string };
}

/**
 * Stripe refused a payout's transfer for lack of balance (is-balance-refusal.ts). The payout stays
 * PENDING with the attempt counted and a new idempotency key (Stripe replays a refusal for the old
 * one), and its job is sent to start after a growing delay (payout retry settings). The last allowed
 * attempt marks it FAILED and tells operations, who top up the balance or pay by bank, then retry.
 */
export async function scheduleTransferRetry(
  tx: TransactionClient,
  payout: RefusedPayout,
  error: Stripe.errors.StripeError,
  now: Date,
): Promise<"retrying" | "failed"> {
  const settings = await loadPayoutRetrySettings(tx);
  const attempts = payout.transferAttempts + 1;
  const idempotencyKey = `payout-${payout.orderLineId}-${randomUUID()}`;
  if (attempts >= settings.maxAttempts) {
    await movePayouts(tx, {
      where: { id: payout.id },
      from: ["PENDING"],
      to: "FAILED",
      set: {
        failureReason: `${error.message} (${attempts} attempts)`,
        transferAttempts: attempts,
        nextTransferAttemptAt: null,
        idempotencyKey,
      },
    });
    await recordAuditLog(tx, {
      action: "payout.failed",
      companyId: payout.supplierCompanyId,
      entityType: "Payout",
      entityId: payout.id,
      data: { reason: error.message, code: error.code, attempts },
    });
    await queueEmail(tx, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Payout to ${payout.supplierCompany.name} failed (order ${payout.order.number})`,
      text: `Stripe refused the transfer of ${formatEuros(payout.amountCents)} for lack of funds ${attempts} attempts in a row: ${error.message}\n\nThe platform's Stripe balance has too little available money (card payments become available some days after they are paid; orders on invoice are paid to the platform's bank account, not to Stripe). Top up the Stripe balance, then retry the payout from the payments page, or pay the partner by bank transfer.\n\nPayments: ${appUrl()}/ops/payments\nOrder: ${appUrl()}/ops/orders/${payout.orderId}`,
    });
    return "failed";
  }
  const nextTransferAttemptAt = new Date(now.getTime() + transferRetryDelayMs(settings, attempts));
  await tx.payout.update({
    where: { id: payout.id },
    data: { transferAttempts: attempts, nextTransferAttemptAt, failureReason: error.message, idempotencyKey },
  });
  await recordAuditLog(tx, {
    action: "payout.transfer-deferred",
    companyId: payout.supplierCompanyId,
    entityType: "Payout",
    entityId: payout.id,
    data: { reason: error.message, code: error.code, attempts, nextTransferAttemptAt },
  });
  await enqueueJobs(tx, [
    followUpJob(
      "payouts.pay",
      { payoutId: payout.id },
      { singletonKey: `${payout.id}-attempt-${attempts + 1}`, startAfter: nextTransferAttemptAt },
    ),
  ]);
  return "retrying";
}
