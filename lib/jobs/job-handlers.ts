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
import type { MatchOutcome } from "../matching/match-order-line";
import { expireDueOffers, matchWaitingLines } from "../matching/match-waiting-lines";
import { refreshAllSupplierScores } from "../matching/refresh-supplier-score";
import { requestOfferExpiry } from "../matching/request-matching";
import { requestEmailDelivery } from "../notifications/request-email-delivery";
import { checkLedger } from "../ledger/check-ledger";
import { confirmDueDeliveries } from "../orders/confirm-due-deliveries";
import { sendPendingRefunds } from "../payments/send-pending-refunds";
import { payDuePayouts } from "../payouts/pay-due-payouts";
import type { JobName, ParsedJobPayload } from "./job-definitions";
import { requestJob } from "./request-job";

export type JobHandlers = {
  [Name in JobName]: (db: Database, payload: ParsedJobPayload<Name>) => Promise<void>;
};

/** What each job does. Handlers must be safe to run twice (a worker that dies mid-job has it retried). */
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
    await afterMatching(await matchWaitingLines(db, payload));
  },
  "offers.expire": async (db) => {
    await afterMatching(await expireDueOffers(db));
  },
  "suppliers.refresh-scores": async (db) => {
    await refreshAllSupplierScores(db);
  },
  "suppliers.remind-expiring": async (db) => {
    if ((await sendExpiryReminders(db)) > 0) await requestEmailDelivery();
  },
  "payouts.pay": async (db, payload) => {
    await payDuePayouts(db, payload.payoutId);
    await requestEmailDelivery();
  },
  "payments.send-refunds": async (db, payload) => {
    await sendPendingRefunds(db, payload.refundId);
    await requestEmailDelivery();
  },
  "orders.confirm-due-deliveries": async (db) => {
    for (const payoutId of await confirmDueDeliveries(db))
      await requestJob("payouts.pay", { payoutId }, { singletonKey: payoutId });
    await requestEmailDelivery();
  },
  "ledger.check": async (db) => {
    await checkLedger(db);
    await requestEmailDelivery();
  },
};

/** New offers get their expiry job, and the e-mails matching queued go out. */
async function afterMatching(outcomes: MatchOutcome[]): Promise<void> {
  for (const outcome of outcomes) if (outcome.kind === "offered") await requestOfferExpiry(outcome.expiresAt);
  if (outcomes.length > 0) await requestEmailDelivery();
}
