-- Decision 0123 (issue 22).
--
-- Which transaction wrote a match card, as a number (set by the default whenever
-- refresh_supplier_match_cards writes a card anew: the writing transaction's id). The matcher keeps the
-- cards it read and the snapshot it read them in; a card whose writer that snapshot already saw is the one
-- kept, so the read leaves it out without the matcher sending every kept card's version with it. Only
-- committed cards are seen by others, and a transaction's cards are written once each at its commit, so
-- the number also names the version of a card other transactions read.
ALTER TABLE "SupplierMatchCard"
  ADD COLUMN "writtenBy" bigint NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint;

-- The matcher offers a line to its best supplier in one statement with the supplier's capacity lock
-- (lib/matching/write-offer.ts). This takes the locks lock_and_count_supplier_capacity takes (a share lock
-- on the company row, then an update lock on its capacity row for the process) and then, in a statement of
-- its own that starts once they are held (under READ COMMITTED it sees what their previous holder
-- committed), says whether the supplier's match card is still the one the ranking read: the card is
-- written anew in the same transaction as any change of its sources (reservations, blocked days, status,
-- weekly capacity), so an unchanged card means the ranking's capacity plan is what a recount under the
-- lock would plan. False without a capacity row, or when the card changed: the offer's statement then
-- writes nothing and the matcher counts under the locks it now holds (lock_and_count_supplier_capacity).
CREATE FUNCTION "lock_supplier_capacity_if_card_unchanged"(company text, wanted "ManufacturingProcess",
    card_written_by bigint)
RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Company" c JOIN "WeeklyCapacity" wc ON wc."companyId" = c."id" AND wc."process" = wanted
   WHERE c."id" = company
     FOR SHARE OF c FOR UPDATE OF wc;
  IF NOT FOUND THEN RETURN false; END IF;
  RETURN EXISTS (SELECT 1 FROM "SupplierMatchCard" card
                  WHERE card."companyId" = company AND card."process" = wanted
                    AND card."writtenBy" = card_written_by);
END $$;
