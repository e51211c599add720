import { movePayouts } from "./move-payouts";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { getLogger } from "../logging/logger";
import { queueEmail } from "../notifications/queue-email";
import { formatEuros } from "../money/format-euros";
import { isPermanentStripeError } from "../payments/is-permanent-stripe-error";
import { getStripe } from "../payments/stripe-client";
import { isBalanceRefusal } from "./is-balance-refusal";
import { scheduleTransferRetry } from "./schedule-transfer-retry";
import { transferSourceCharge } from "./transfer-source-charge";

export type PayPayoutOutcome = "paid" | "retrying" | "failed" | "skipped";

/**
 * Pays one pending payout by Stripe transfer to the supplier's Connect account, in the order's transfer
 * group, funded from the order's card charge when there is one (`source_transaction`: Stripe then takes
 * it from that charge's funds, pending or not; see transfer-source-charge.ts). The payout row stays
 * locked while Stripe is asked, so a complaint cannot hold it half-way; the transfer carries the payout's
 * idempotency key, so a retry after a crash or a lost answer gets the same transfer back instead of
 * sending the money twice. Too little balance (balance_insufficient) keeps it PENDING for a retry after a
 * growing delay (schedule-transfer-retry.ts); a payout waiting for that is skipped until it is due. Any
 * other refusal (e.g. the account cannot receive transfers) marks it FAILED for operations; anything
 * else is thrown for the job to retry.
 */
export async function payPayout(db: Database, payoutId: string, now = new Date()): Promise<PayPayoutOutcome> {
  const stripe = getStripe();
  if (!stripe) return "skipped";
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Payout" WHERE "id" = ${payoutId} AND "status" = 'PENDING'
          AND "method" = 'STRIPE_TRANSFER'
          AND ("nextTransferAttemptAt" IS NULL OR "nextTransferAttemptAt" <= ${now}) FOR UPDATE`;
      if (locked.length === 0) return "skipped";
      const payout = await tx.payout.findUniqueOrThrow({
        where: { id: payoutId },
        include: { supplierCompany: true, order: { select: { number: true } }, invoice: true },
      });
      const destination = payout.supplierCompany.stripeConnectAccountId;
      if (!destination)
        throw new Error(`Payout ${payoutId} is a Stripe transfer to a partner without an account.`);
      const sourceCharge = await transferSourceCharge(tx, stripe, payout);
      try {
        const transfer = await stripe.transfers.create(
          {
            amount: payout.amountCents,
            currency: payout.currency.toLowerCase(),
            destination,
            transfer_group: payout.transferGroup,
            ...(sourceCharge ? { source_transaction: sourceCharge } : {}),
            description: `Order ${payout.order.number}, invoice ${payout.invoice?.number ?? "–"}`,
            metadata: { payoutId: payout.id, orderId: payout.orderId, orderLineId: payout.orderLineId },
          },
          { idempotencyKey: payout.idempotencyKey },
        );
        await movePayouts(tx, {
          where: { id: payout.id },
          from: ["PENDING"],
          to: "PAID",
          set: {
            stripeTransferId: transfer.id,
            paidAt: now,
            failureReason: null,
            nextTransferAttemptAt: null,
          },
        });
        if (payout.invoiceId)
          await tx.invoice.update({ where: { id: payout.invoiceId }, data: { status: "PAID", paidAt: now } });
        await recordAuditLog(tx, {
          action: "payout.paid",
          companyId: payout.supplierCompanyId,
          entityType: "Payout",
          entityId: payout.id,
          data: { stripeTransferId: transfer.id, amountCents: payout.amountCents, sourceCharge },
        });
        return "paid";
      } catch (error) {
        if (isBalanceRefusal(error)) return scheduleTransferRetry(tx, payout, error, now);
        if (!isPermanentStripeError(error)) throw error;
        getLogger().error({ err: error, payoutId }, "Stripe refused a payout transfer");
        await movePayouts(tx, {
          where: { id: payout.id },
          from: ["PENDING"],
          to: "FAILED",
          set: { failureReason: error.message },
        });
        await recordAuditLog(tx, {
          action: "payout.failed",
          companyId: payout.supplierCompanyId,
          entityType: "Payout",
          entityId: payout.id,
          data: { reason: error.message },
        });
        await queueEmail(tx, {
          to: getEnv().OPERATIONS_EMAIL,
          subject: `Payout to ${payout.supplierCompany.name} failed (order ${payout.order.number})`,
          text: `Stripe refused the transfer of ${formatEuros(payout.amountCents)}: ${error.message}\n\nRetry it from the payments page once the partner has fixed its account: ${appUrl()}/ops/payments\n\nOrder: ${appUrl()}/ops/orders/${payout.orderId}`,
        });
        return "failed";
      }
    },
    { timeout: 45_000, maxWait: 10_000 },
  );
}
