import type { Database } from "../db/prisma";
import { z } from "zod";

/**
 * Every background job: its queue name, the schema of its payload, its schedule and retries: the contract
 * between the code that sends jobs (lib/jobs/enqueue-job.ts) and the worker. The handlers live beside the
 * worker's entry point, in scripts/worker/job-handlers.ts, which only worker processes import (they pull
 * in the CAD engine's worker threads, which the web bundle must not).
 */
export const jobDefinitions = {
  "maintenance.purge-sign-in-attempts": {
    payload: z.object({ olderThanDays: z.number().int().positive().default(30) }),
    schedule: "17 3 * * *",
    retryLimit: 3,
  },
  "emails.deliver": {
    payload: z.object({}).default({}),
    schedule: "* * * * *",
    retryLimit: 1,
  },
  "webhooks.deliver": {
    // Each event sends this per delivery (and again, later, for a retry); the sweep catches the rest.
    payload: z.object({ deliveryId: z.string().min(1).optional() }).default({}),
    schedule: "* * * * *",
    // The delivery keeps its own attempts and backoff (lib/webhooks, decision 0061); pg-boss retries only a crash.
    retryLimit: 1,
    pollingIntervalSeconds: 1,
  },
  "parts.analyze": {
    payload: z.object({ partId: z.string().min(1) }),
    schedule: undefined,
    retryLimit: 2,
    // A buyer waits for this one: look for new jobs twice a second (pg-boss's default is every 2 s).
    pollingIntervalSeconds: 0.5,
    // The longest analysis budget plus a minute (lib/parts/analysis-time-budget.ts), not pg-boss's
    // 15 minutes: a job whose worker died goes to another one after this (docs/decisions/0046).
    expireInSeconds: "analysis",
  },
  "parts.recover-analyses": {
    payload: z.object({}).default({}),
    // Every minute: parts a crashed worker left ANALYZING, and parts whose job was lost, queued again.
    schedule: "* * * * *",
    retryLimit: 1,
  },
  "storage.check-files": {
    payload: z.object({}).default({}),
    // Daily, at night: stored files no row names are deleted; rows whose file is gone are flagged.
    schedule: "53 3 * * *",
    retryLimit: 2,
  },
  "parts.purge-unclaimed": {
    payload: z.object({}).default({}),
    // Nightly: visitors' parts nobody claimed, older than VISITOR_PART_RETENTION_DAYS, and their files.
    schedule: "37 3 * * *",
    retryLimit: 2,
  },
  "matching.match-waiting-lines": {
    payload: z.object({
      orderId: z.string().min(1).optional(),
      trigger: z.string().default("scheduled run"),
    }),
    // The sweep catches lines whose request was lost (a crash between commit and send).
    schedule: "* * * * *",
    retryLimit: 2,
    pollingIntervalSeconds: 0.5,
  },
  "offers.expire": {
    payload: z.object({}).default({}),
    // Each offer also sends this job to start at its deadline; the sweep catches the rest.
    schedule: "* * * * *",
    retryLimit: 2,
    pollingIntervalSeconds: 1,
  },
  "suppliers.refresh-scores": {
    payload: z.object({}).default({}),
    schedule: "41 2 * * *",
    retryLimit: 2,
  },
  "suppliers.remind-expiring": {
    payload: z.object({}).default({}),
    // Morning in Germany: suppliers read the reminder at the start of their day.
    schedule: "13 6 * * *",
    retryLimit: 2,
  },
  "payouts.pay": {
    payload: z.object({ payoutId: z.string().min(1).optional() }).default({}),
    // Each confirmed delivery sends this for its payout; the sweep completes interrupted transfers.
    schedule: "*/10 * * * *",
    retryLimit: 5,
    pollingIntervalSeconds: 1,
  },
  "payments.send-refunds": {
    payload: z.object({ refundId: z.string().min(1).optional() }).default({}),
    // Each refund sends this; the sweep completes refunds whose request to Stripe was interrupted.
    schedule: "*/5 * * * *",
    retryLimit: 5,
    pollingIntervalSeconds: 1,
  },
  "orders.confirm-due-deliveries": {
    payload: z.object({}).default({}),
    schedule: "23 * * * *",
    retryLimit: 2,
  },
  "payments.chase-prepayments": {
    payload: z.object({}).default({}),
    // Morning in Germany: reminders for unpaid prepayment orders, and cancellation of the long unpaid.
    schedule: "31 7 * * *",
    retryLimit: 2,
  },
  "vat.recheck-ids": {
    payload: z.object({}).default({}),
    // Hourly: IDs VIES could not confirm at checkout, and confirmations past recheckAfterDays (lib/vat).
    schedule: "29 * * * *",
    retryLimit: 2,
  },
  "ledger.check": {
    payload: z.object({}).default({}),
    schedule: "7 4 * * *",
    retryLimit: 1,
  },
  "payouts.recheck-stripe-accounts": {
    payload: z.object({}).default({}),
    // Partners' Connect accounts still pending: a closed onboarding tab or a lost account.updated must
    // not keep their payouts held (lib/payouts/recheck-pending-stripe-accounts.ts).
    schedule: "*/15 * * * *",
    retryLimit: 2,
  },
  "payouts.release-due": {
    payload: z.object({ payoutId: z.string().min(1).optional() }).default({}),
    // Each delivery sends this to start when its complaint window closes; the hourly sweep catches the rest.
    schedule: "47 * * * *",
    retryLimit: 5,
  },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<Name extends JobName> = z.input<(typeof jobDefinitions)[Name]["payload"]>;
export type ParsedJobPayload<Name extends JobName> = z.output<(typeof jobDefinitions)[Name]["payload"]>;
export const jobNames = Object.keys(jobDefinitions) as JobName[];

/** What the worker runs for each job (scripts/worker/job-handlers.ts). */
export type JobHandlers = {
  [Name in JobName]: (db: Database, payload: ParsedJobPayload<Name>, attempt?: JobAttempt) => Promise<void>;
};

/** Which attempt of its job a handler runs (0 first); the last one is `retryLimit`. */
export interface JobAttempt {
  retryCount: number;
  retryLimit: number;
  /** True once the queue is stopping: a handler that loops (the analysis job) starts nothing new. */
  stopping?: () => boolean;
}
