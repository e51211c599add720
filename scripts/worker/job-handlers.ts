import { sendExpiryReminders } from "../../lib/audits/send-expiry-reminders";
import { purgeOldSignInAttempts } from "../../lib/auth/purge-old-sign-in-attempts";
import { getEnv } from "../../lib/env";
import { getLogger } from "../../lib/logging/logger";
import { deliverPendingEmails, printEmailToConsole } from "../../lib/notifications/deliver-pending-emails";
import { getAnalysisLanes, getAnalysisPool } from "../../lib/parts/analysis-pool";
import { analyzeNextPart } from "../../lib/parts/analyze-next-part";
import { recoverOrphanedAnalyses } from "../../lib/parts/recover-orphaned-analyses";
import { checkStoredFiles } from "../../lib/storage/check-stored-files";
import { purgeUnclaimedVisitorParts } from "../../lib/parts/purge-unclaimed-visitor-parts";
import { getFileStorage } from "../../lib/storage/get-file-storage";
import { expireDueCounteroffers } from "../../lib/counteroffers/expire-due-counteroffers";
import { expireDueOffers, matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { refreshAllSupplierScores } from "../../lib/matching/refresh-supplier-score";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { confirmDueDeliveries } from "../../lib/workflows/confirm-due-deliveries";
import { sendPendingRefunds } from "../../lib/payments/send-pending-refunds";
import { payDuePayouts } from "../../lib/payouts/pay-due-payouts";
import { chaseUnpaidPrepayments } from "../../lib/bank-transfers/chase-unpaid-prepayments";
import type { JobHandlers } from "../../lib/jobs/job-definitions";
import { recheckVatIds } from "../../lib/vat/recheck-vat-ids";
import { recheckSupplierVatIds } from "../../lib/supplier-tax/recheck-supplier-vat-ids";
import { recheckPendingStripeAccounts } from "../../lib/payouts/recheck-pending-stripe-accounts";
import { releaseDuePayouts } from "../../lib/payouts/release-due-payouts";
import { deliverDueWebhooks, deliverWebhook } from "../../lib/webhooks/deliver-webhook";
import { webhookDeliverySettings } from "../../lib/webhooks/webhook-delivery-settings";

/**
 * What each job does. Handlers must be safe to run twice (a worker that dies mid-job has it retried). The
 * jobs a handler's changes make due (offer expiries, payouts, e-mail delivery) are sent in those changes'
 * own transactions (lib/jobs/enqueue-job.ts), not here.
 */
export const jobHandlers: JobHandlers = {
  "maintenance.purge-sign-in-attempts": async (db, payload) => {
    await purgeOldSignInAttempts(db, payload.olderThanDays);
  },
  "emails.deliver": async (db) => {
    if (getEnv().SMTP_URL) await deliverPendingEmails(db);
    // Printed as information: a server started to log warnings only (the test runs) prints none.
    else if (getLogger().isLevelEnabled("info"))
      await deliverPendingEmails(db, printEmailToConsole, 50, "outbox");
  },
  "webhooks.deliver": async (db, payload) => {
    // One delivery when an event or a retry names it; otherwise every due one (decision 0061).
    if (payload.deliveryId) await deliverWebhook(db, payload.deliveryId, webhookDeliverySettings());
    else await deliverDueWebhooks(db, webhookDeliverySettings());
  },
  "parts.analyze": async (db, payload, attempt) => {
    // The files first in line, fair per buyer and shortest first, one worker kept for small files
    // (docs/decisions/0049, 0071).
    await analyzeNextPart(
      { db, storage: getFileStorage(), pool: getAnalysisPool(), lanes: getAnalysisLanes() },
      payload.partId,
      attempt,
    );
  },
  "parts.recover-analyses": async (db) => {
    await recoverOrphanedAnalyses(db);
  },
  "storage.check-files": async (db) => {
    await checkStoredFiles(db, getFileStorage(), {
      orphanGraceHours: getEnv().STORAGE_ORPHAN_GRACE_HOURS,
    });
  },
  "parts.purge-unclaimed": async (db) => {
    await purgeUnclaimedVisitorParts(db, getFileStorage(), {
      retentionDays: getEnv().VISITOR_PART_RETENTION_DAYS,
    });
  },
  "matching.match-waiting-lines": async (db, payload) => {
    await matchWaitingLines(db, payload);
  },
  "offers.expire": async (db) => {
    await expireDueOffers(db);
    // Counteroffers the buyer did not decide in time (docs/decisions/0039): declined, back to the matcher.
    await expireDueCounteroffers(db);
  },
  "suppliers.refresh-scores": async (db) => {
    await refreshAllSupplierScores(db);
  },
  "suppliers.remind-expiring": async (db) => {
    await sendExpiryReminders(db);
  },
  "payouts.pay": async (db, payload) => {
    await payDuePayouts(db, payload.payoutId);
  },
  "payments.send-refunds": async (db, payload) => {
    await sendPendingRefunds(db, payload.refundId);
  },
  "orders.confirm-due-deliveries": async (db) => {
    await confirmDueDeliveries(db);
  },
  "payments.chase-prepayments": async (db) => {
    await chaseUnpaidPrepayments(db);
  },
  "vat.recheck-ids": async (db) => {
    await recheckVatIds(db);
    // Issue 19 (i19-selfbill): partners' VAT IDs too; a confirmation releases their waiting payouts.
    await recheckSupplierVatIds(db);
  },
  "ledger.check": async (db) => {
    await checkLedger(db);
  },
  "payouts.recheck-stripe-accounts": async (db) => {
    await recheckPendingStripeAccounts(db);
  },
  "payouts.release-due": async (db, payload) => {
    await releaseDuePayouts(db, payload.payoutId);
  },
};
