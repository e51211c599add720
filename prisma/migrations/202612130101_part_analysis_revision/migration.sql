-- Decision 0092: which revision of the engine's results wrote a part's analysis. Every analysis stored
-- before this column was written by revision 1; the engine is at 2 (STEP parts' FDM profiles on welded
-- faces, decision 0081; flat mesh plates priced as laser cutting, decision 0086), so those parts are
-- analysed again the next time they are priced. NULL: not recorded (a row written outside the analysis
-- job), read as current.
ALTER TABLE "Part" ADD COLUMN "analysisRevision" integer;
UPDATE "Part" SET "analysisRevision" = 1 WHERE "analysis" IS NOT NULL;
