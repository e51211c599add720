-- Issue 22 (i22-pool, docs/decisions/0049): the engine's step a running analysis is in, the report
-- measured before features (the preliminary price), when the final analysis was stored; and an index
-- for the claim query, which reads the waiting and running parts at every claim.
ALTER TABLE "Part" ADD COLUMN "analysisStage" TEXT;
ALTER TABLE "Part" ADD COLUMN "preliminaryAnalysis" JSONB;
ALTER TABLE "Part" ADD COLUMN "preliminaryAnalysisAt" TIMESTAMPTZ(3);
ALTER TABLE "Part" ADD COLUMN "analyzedAt" TIMESTAMPTZ(3);
CREATE INDEX "Part_status_idx" ON "Part"("status");
