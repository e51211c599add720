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

-- The matcher's and a re-offer's lock of an order line and its read in one round trip
-- (lib/matching/lock-line-to-match.ts): locks the line for update (one transaction places it at a time),
-- optionally lets the transaction commit without waiting for the disk (decision 0083), and then reads the
-- line with its order, buyer, part and material in a statement of its own that starts once the lock is
-- held, so under READ COMMITTED it sees what the lock's previous holder committed. No row without the line.
CREATE FUNCTION "lock_order_line_to_match"(line text, commit_without_waiting_for_disk boolean)
RETURNS TABLE ("id" text, "orderId" text, "status" text, "process" text, "materialCode" text,
               "partSizeMm" float8[], "estimatedMachineHours" float8, "deliveryDay" text,
               "supplierTotalCents" integer, "totalPriceCents" integer, "remakeOfLineId" text,
               "quantity" integer, "currency" text, "orderStatus" text, "orderNumber" text,
               "shippingAddress" jsonb, "requiredCertificates" text[], "requiredCountryCode" text,
               "buyerCountryCode" text, "buyerLatitude" float8, "buyerLongitude" float8,
               "originalFileName" text, "materialName" text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  PERFORM 1 FROM "OrderLine" l WHERE l."id" = line FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  IF commit_without_waiting_for_disk THEN PERFORM set_config('synchronous_commit', 'off', true); END IF;
  RETURN QUERY
    SELECT l."id", l."orderId", l."status"::text, l."process"::text, l."materialCode", l."partSizeMm",
           l."estimatedMachineHours", l."deliveryDate"::text, l."supplierTotalCents", l."totalPriceCents",
           l."remakeOfLineId", l."quantity", l."currency"::text, o."status"::text, o."number",
           o."shippingAddress", o."requiredCertificates"::text[], o."requiredCountryCode"::text,
           b."countryCode"::text, b."latitude", b."longitude", p."originalFileName",
           COALESCE(m."name", l."materialCode")
      FROM "OrderLine" l
      JOIN "Order" o ON o."id" = l."orderId"
      JOIN "Company" b ON b."id" = o."buyerCompanyId"
      JOIN "Part" p ON p."id" = l."partId"
      LEFT JOIN "Material" m ON m."code" = l."materialCode"
     WHERE l."id" = line;
END $$;
