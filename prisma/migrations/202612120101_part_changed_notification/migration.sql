-- Issue 22, decision 0070: every change of a part's analysis state (its status, the engine's step, the
-- report measured before features) is announced on the channel part_changed with the part's id, at
-- commit, whoever writes it (the analysis worker, a re-analysis, the recovery at start). The page's
-- long poll (GET /api/v1/parts/{id}?waitForChangeMs=) answers on it instead of sleeping.
CREATE FUNCTION "notify_part_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('part_changed', NEW."id");
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Part_changed_notification"
AFTER UPDATE OF "status", "analysisStage", "preliminaryAnalysisAt" ON "Part"
FOR EACH ROW
WHEN (
  OLD."status" IS DISTINCT FROM NEW."status"
  OR OLD."analysisStage" IS DISTINCT FROM NEW."analysisStage"
  OR OLD."preliminaryAnalysisAt" IS DISTINCT FROM NEW."preliminaryAnalysisAt"
)
EXECUTE FUNCTION "notify_part_changed"();
