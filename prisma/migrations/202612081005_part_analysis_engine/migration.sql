-- Issue 22 (docs/decisions/0051): which engine build wrote a part's analysis, so the same file uploaded
-- again reuses an analysis of the current build only.
ALTER TABLE "Part" ADD COLUMN "analysisEngine" TEXT;
