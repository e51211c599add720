-- Decision 0074 (issue 22): one "match card" per supplier and process, holding everything the matcher's
-- rules and score read about the supplier, so that ranking an order line reads one row per supplier instead
-- of joining eleven tables and summing a year of reservations. The writes that change a card's sources
-- refresh it through the triggers below, at the end of their transaction.
CREATE TABLE "SupplierMatchCard" (
    "companyId" text NOT NULL,
    "process" "ManufacturingProcess" NOT NULL,
    "name" text NOT NULL,
    "countryCode" text NOT NULL,
    "region" text,
    -- Comma-separated, in the order lib/matching/load-match-candidates.ts reads them; NULL is an empty field.
    "facts" text NOT NULL,
    "materialIds" text[] NOT NULL,
    -- Its machines for the process, each "x y z" with the edges longest first, separated by ";"; NULL without.
    "machineEnvelopesMm" text,
    -- Every certificate as "KIND:YYYY-MM-DD" (valid until), separated by spaces; NULL without.
    "certificates" text,
    -- Every blocked day as "YYYY-MM-DD", separated by spaces; NULL without.
    "blockedDays" text,
    -- Machine hours held (reservations not released) per week, keyed by the week's Monday "YYYY-MM-DD".
    "heldHoursByWeek" jsonb NOT NULL,
    -- Its open probation's [maxOrderValueCents, maxOpenJobs, conditionsDueOn]; NULL without.
    "probation" jsonb,
    "refreshedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "SupplierMatchCard_pkey" PRIMARY KEY ("companyId", "process")
);

CREATE INDEX "SupplierMatchCard_process_idx" ON "SupplierMatchCard"("process");

ALTER TABLE "SupplierMatchCard" ADD CONSTRAINT "SupplierMatchCard_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Builds a company's cards again from their sources, one per process it offers (none unless it is a
-- supplier). Refreshes of one company are serialised by an advisory lock held to the end of the
-- transaction, and the cards are read from the sources in statements that start after the lock is held:
-- under READ COMMITTED each takes its snapshot then, so it sees what an earlier refresh's transaction
-- committed. Two transactions changing one supplier at once therefore leave its cards as the later one
-- computed them, from both changes. A company refreshed once in a transaction's commit is not refreshed
-- again by its other changed rows (all of them were written by then; see match_card_source_changed).
-- `serialised` false skips the lock, for filling many companies' cards at once where nothing else writes
-- (this migration, the matcher bench's bulk load): every lock is held to the end of the transaction.
CREATE FUNCTION "refresh_supplier_match_cards"(company text, serialised boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF company IS NULL THEN RETURN; END IF;
  IF serialised THEN PERFORM pg_advisory_xact_lock(2026121204, hashtext(company)); END IF;
  DELETE FROM "SupplierMatchCard" WHERE "companyId" = company;
  INSERT INTO "SupplierMatchCard" ("companyId", "process", "name", "countryCode", "region", "facts",
                                   "materialIds", "machineEnvelopesMm", "certificates", "blockedDays",
                                   "heldHoursByWeek", "probation", "refreshedAt")
  SELECT c."id", sp."process", c."name", c."countryCode", c."region",
         concat(c."status", ',', c."latitude", ',', c."longitude", ',', c."costIndex", ',',
                c."minOrderValueCents", ',', c."maxOrderValueCents", ',', wc."machineHoursPerWeek", ',',
                a."status", ',', to_char(a."expiresAt", 'YYYY-MM-DD'), ',', (s."companyId" IS NOT NULL)::int, ',',
                s."offersAnswered", ',', s."offersRejected", ',', s."offersExpired", ',', s."linesShipped", ',',
                s."linesOnTime", ',', s."ratingsCount", ',', s."ratingsStarsSum", ',', s."complaintsCount", ',',
                s."complaintsUpheld", ',', s."meanResponseHours"),
         ARRAY(SELECT sm."materialId" FROM "SupplierMaterial" sm WHERE sm."companyId" = c."id" ORDER BY 1),
         (SELECT string_agg(edges, ';' ORDER BY edges) FROM (
            SELECT (SELECT string_agg(edge::text, ' ' ORDER BY edge DESC)
                      FROM unnest(ARRAY[m."envelopeXMm", m."envelopeYMm", m."envelopeZMm"]) edge) AS edges
              FROM "Machine" m WHERE m."companyId" = c."id" AND m."process" = sp."process") machines),
         (SELECT string_agg(cert."kind"::text || ':' || to_char(cert."validUntil", 'YYYY-MM-DD'), ' '
                            ORDER BY cert."kind", cert."validUntil")
            FROM "Certificate" cert WHERE cert."companyId" = c."id"),
         (SELECT string_agg(to_char(b."day", 'YYYY-MM-DD'), ' ' ORDER BY b."day")
            FROM "BlockedDay" b WHERE b."companyId" = c."id"),
         COALESCE((SELECT jsonb_object_agg(to_char(held."weekStart", 'YYYY-MM-DD'), held."hours") FROM (
            SELECT r."weekStart", SUM(r."machineHours") AS "hours" FROM "CapacityReservation" r
             WHERE r."companyId" = c."id" AND r."process" = sp."process" AND r."releasedAt" IS NULL
             GROUP BY r."weekStart") held), '{}'::jsonb),
         (SELECT jsonb_build_array(p."maxOrderValueCents", p."maxOpenJobs", to_char(p."conditionsDueOn", 'YYYY-MM-DD'))
            FROM "SupplierProbation" p WHERE p."companyId" = c."id" AND p."liftedAt" IS NULL
           ORDER BY p."startedAt" DESC LIMIT 1),
         now()
    FROM "SupplierProcess" sp
    JOIN "Company" c ON c."id" = sp."companyId" AND c."kind" = 'SUPPLIER'
    LEFT JOIN "WeeklyCapacity" wc ON wc."companyId" = c."id" AND wc."process" = sp."process"
    LEFT JOIN LATERAL (SELECT au."status", au."expiresAt" FROM "SupplierAudit" au
                        WHERE au."supplierCompanyId" = c."id" AND au."decidedAt" IS NOT NULL
                        ORDER BY au."decidedAt" DESC LIMIT 1) a ON true
    LEFT JOIN "SupplierScore" s ON s."companyId" = c."id"
   WHERE sp."companyId" = company;
END $$;

-- A changed row of a card's source: refreshes the company (or companies) it belongs to. Fired at the end
-- of the writing transaction (the triggers are deferred), after all of its writes, so one refresh per
-- company and transaction is enough; TG_ARGV[0] names the row's company column.
CREATE FUNCTION "match_card_source_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  companies text[] := ARRAY[]::text[];
  company text;
  refreshed text := COALESCE(current_setting('match_cards.refreshed', true), '');
BEGIN
  IF TG_OP <> 'INSERT' THEN companies := companies || (to_jsonb(OLD) ->> TG_ARGV[0]); END IF;
  IF TG_OP <> 'DELETE' THEN companies := companies || (to_jsonb(NEW) ->> TG_ARGV[0]); END IF;
  FOREACH company IN ARRAY companies LOOP
    IF company IS NOT NULL AND position(' ' || company || ' ' IN refreshed) = 0 THEN
      PERFORM "refresh_supplier_match_cards"(company);
      refreshed := refreshed || ' ' || company || ' ';
      PERFORM set_config('match_cards.refreshed', refreshed, true);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

DO $$
DECLARE
  source record;
BEGIN
  FOR source IN SELECT * FROM (VALUES ('Company', 'id'), ('SupplierProcess', 'companyId'),
      ('SupplierMaterial', 'companyId'), ('Machine', 'companyId'), ('WeeklyCapacity', 'companyId'),
      ('Certificate', 'companyId'), ('SupplierAudit', 'supplierCompanyId'), ('SupplierScore', 'companyId'),
      ('SupplierProbation', 'companyId'), ('BlockedDay', 'companyId'), ('CapacityReservation', 'companyId'))
      AS sources("tableName", "companyColumn")
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "match_card_source_changed"(%L)',
                   source."tableName" || '_match_card', source."tableName", source."companyColumn");
  END LOOP;
END $$;

-- A supplier's held hours per week (reservations not released) and blocked days around a production window,
-- and its place: what the matcher counts again under the supplier's capacity lock
-- (lib/matching/replan-locked-capacity.ts). Called in a statement that starts once the lock is held, so
-- under READ COMMITTED it sees what the lock's previous holder committed.
CREATE FUNCTION "count_supplier_capacity"(company text, wanted "ManufacturingProcess",
    held_from date, held_to date, blocked_from date, blocked_to date)
RETURNS TABLE ("reservedHoursByWeek" json, "blockedDays" json, "countryCode" text, "region" text)
LANGUAGE sql AS $$
  SELECT (SELECT json_object_agg(weeks."weekStart", weeks."hours") FROM (
            SELECT r."weekStart", SUM(r."machineHours")::float8 AS "hours" FROM "CapacityReservation" r
             WHERE r."companyId" = company AND r."process" = wanted AND r."releasedAt" IS NULL
               AND r."weekStart" BETWEEN held_from AND held_to
             GROUP BY r."weekStart") weeks),
         (SELECT json_agg(b."day") FROM "BlockedDay" b
           WHERE b."companyId" = company AND b."day" BETWEEN blocked_from AND blocked_to),
         c."countryCode"::text, c."region"::text
    FROM "Company" c WHERE c."id" = company
$$;

-- The matcher's lock and recount for one supplier in one round trip (lib/matching/lock-supplier-capacity.ts):
-- share-locks the company row and locks its capacity row for the process (the company first, as before),
-- then counts in a statement of its own that starts once the locks are held. No row without a capacity
-- row for the process.
CREATE FUNCTION "lock_and_count_supplier_capacity"(company text, wanted "ManufacturingProcess",
    held_from date, held_to date, blocked_from date, blocked_to date)
RETURNS TABLE ("status" text, "machineHoursPerWeek" float8, "reservedHoursByWeek" json, "blockedDays" json,
               "countryCode" text, "region" text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  locked_status text;
  weekly float8;
BEGIN
  SELECT c."status"::text, wc."machineHoursPerWeek" INTO locked_status, weekly
    FROM "Company" c JOIN "WeeklyCapacity" wc ON wc."companyId" = c."id" AND wc."process" = wanted
   WHERE c."id" = company
     FOR SHARE OF c FOR UPDATE OF wc;
  IF NOT FOUND THEN RETURN; END IF;
  RETURN QUERY SELECT locked_status, weekly, counted.* FROM "count_supplier_capacity"(company, wanted,
    held_from, held_to, blocked_from, blocked_to) counted;
END $$;

-- The cards of the suppliers there are.
SELECT "refresh_supplier_match_cards"("id", false) FROM "Company" WHERE "kind" = 'SUPPLIER';
