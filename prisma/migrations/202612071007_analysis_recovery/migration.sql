-- Issue 22 (i22-recovery, docs/decisions/0046): who is analysing a part and until when, so a crashed
-- worker's parts are queued again at the next start; and files the daily storage check found missing.
ALTER TABLE "Part" ADD COLUMN "analysisWorkerKey" INTEGER;
ALTER TABLE "Part" ADD COLUMN "analysisStartedAt" TIMESTAMPTZ(3);
ALTER TABLE "Part" ADD COLUMN "analysisDeadlineAt" TIMESTAMPTZ(3);
ALTER TABLE "Part" ADD COLUMN "fileMissingSince" TIMESTAMPTZ(3);
