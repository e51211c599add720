import type { Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import type { CheapestPiecePrice } from "../parts/part-change-tag";
import type { loadPricingData } from "../pricing/load-pricing-data";
import { compareStoredPart } from "./price-stored-part";
import { quoteDay } from "./quote-day";

/**
 * The first price an upload row shows: one piece in the cheapest process, with the small-order surcharge
 * it would carry, from the final analysis or, before it, the measurement (preliminary). Null when no
 * process prices it instantly (an engineer quotes it).
 */
export async function cheapestPiecePrice(
  db: Database,
  part: Part,
  pricing?: Awaited<ReturnType<typeof loadPricingData>>,
): Promise<CheapestPiecePrice | null> {
  const comparison = await compareStoredPart(db, part, 1, quoteDay(), pricing, { allowPreliminary: true });
  const first = comparison.priced[0];
  return first
    ? {
        cents: first.totalWithSurchargeCents,
        surchargeCents: first.smallOrderSurchargeCents,
        process: first.process,
        preliminary: comparison.preliminary,
      }
    : null;
}
