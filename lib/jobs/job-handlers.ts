import { sendExpiryReminders } from "../audits/send-expiry-reminders";
import { purgeOldSignInAttempts } from "../auth/purge-old-sign-in-attempts";
import type { Database } from "../db/prisma";
import { getEnv } from "../env";
import { getLogger } from "../logging/logger";
import { deliverPendingEmails, printEmailToConsole } from "../notifications/deliver-pending-emails";
import { getAnalysisPool } from "../parts/analysis-pool";
import { analyzeStoredPart } from "../parts/analyze-stored-part";
import { purgeUnclaimedVisitorParts } from "../parts/purge-unclaimed-visitor-parts";
import { getFileStorage } from "../storage/get-file-storage";
import { expireDueOffers, matchWaitingLines } from "../matching/match-waiting-lines";
import { refreshAllSupplierScores } from "../matching/refresh-supplier-score";
import { checkLedger } from "../ledger/check-ledger";
import { confirmDueDeliveries } from "../orders/confirm-due-deliveries";
import { sendPendingRefunds } from "../payments/send-pending-refunds";
import { payDuePayouts } from "../payouts/pay-due-payouts";
import type { JobName, ParsedJobPayload } from "./job-definitions";

export type JobHandlers = {
  [Name in JobName]: (db: Database, payload: ParsedJobPayload<Name>) => Promise<void>;
};

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
  "parts.analyze": async (db, payload) => {
    await analyzeStoredPart({ db, storage: getFileStorage(), pool: getAnalysisPool() }, payload.partId);
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
  "ledger.check": async (db) => {
    await checkLedger(db);
  },
};
