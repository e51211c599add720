import { z } from "zod";
import type { Database } from "../db/prisma";
import { purgeOldSignInAttempts } from "../auth/purge-old-sign-in-attempts";
import { getAnalysisPool } from "../parts/analysis-pool";
import { analyzeStoredPart } from "../parts/analyze-stored-part";
import { getFileStorage } from "../storage/get-file-storage";

/**
 * Every background job: its queue name, the schema of its payload, and its handler. Handlers must be
 * safe to run twice (a worker that dies mid-job has the job retried).
 */
export const jobDefinitions = {
  "maintenance.purge-sign-in-attempts": {
    payload: z.object({ olderThanDays: z.number().int().positive().default(30) }),
    schedule: "17 3 * * *",
    retryLimit: 3,
    handler: async (db: Database, payload: { olderThanDays: number }) => {
      await purgeOldSignInAttempts(db, payload.olderThanDays);
    },
  },
  "parts.analyze": {
    payload: z.object({ partId: z.string().min(1) }),
    schedule: undefined,
    retryLimit: 2,
    handler: async (db: Database, payload: { partId: string }) => {
      await analyzeStoredPart({ db, storage: getFileStorage(), pool: getAnalysisPool() }, payload.partId);
    },
  },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<Name extends JobName> = z.input<(typeof jobDefinitions)[Name]["payload"]>;
export const jobNames = Object.keys(jobDefinitions) as JobName[];
