import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { quotePart, type PricedQuote, type QuoteOptions } from "../../quoting-engine/pricing/quote-part";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import type { HolidayCalendar, IsoDate } from "../../quoting-engine/pricing/working-days";
import { dbProcessOf } from "../db/catalogue-codes";
import type { Database, TransactionClient } from "../db/prisma";
import { loadCapableSuppliers } from "./load-capable-suppliers";
import { sheetNeedsOfReport } from "./sheet-needs-of-report";
import type { OrderRules } from "./order-rules";
import { checkSmallOrder, supplierTakes, piecesToReach, type SmallOrderCheck } from "./small-order-check";

/**
 * What the part page, the cart and saving a quote know about a priced line and the partners' minimum order
 * values: the check (small-order-check.ts), and for a line below the minimum the smallest quantity at which
 * a partner takes it without a surcharge (null when none up to the instant-quote limit does).
 */
export type SmallOrder = SmallOrderCheck & { piecesToReach?: number | null };

/** The bounding box edges of an analysed part, as the matcher's envelope rule reads them. */
export function partSizeOfReport(report: Pick<AnalysisReport, "bbox">): number[] {
  return report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!);
}

/**
 * Checks a priced quote against the minimum order values of the partners who could make it (read from
 * the database), and finds how many pieces would reach a minimum by pricing other quantities with the
 * same options.
 */
export async function smallOrderForQuote(
  db: Database | TransactionClient,
  report: AnalysisReport,
  quote: PricedQuote,
  options: Omit<QuoteOptions, "today" | "holidays">,
  pricing: { data: PricingData; holidays: HolidayCalendar; orderRules: OrderRules },
  today: IsoDate,
): Promise<SmallOrder> {
  const suppliers = await loadCapableSuppliers(db, {
    process: dbProcessOf(quote.process),
    materialCode: quote.material.code,
    partSizeMm: partSizeOfReport(report),
    today,
    sheet: sheetNeedsOfReport(report, quote.process, quote.material.code, pricing.data),
  });
  const check = checkSmallOrder(
    { supplierTotalCents: quote.supplier.totalPriceCents, buyerTotalCents: quote.buyer.totalPriceCents },
    suppliers,
    pricing.orderRules,
    quote.marginPercent,
  );
  if (check.kind !== "surcharge" && check.kind !== "missing") return check;
  const reachesAt = (quantity: number) => {
    const priceAt = (deliveryDate: IsoDate | undefined) =>
      quotePart(
        report,
        { ...options, deliveryDate, quantity, today, holidays: pricing.holidays },
        pricing.data,
      );
    let at = priceAt(options.deliveryDate);
    // More pieces may not make the chosen date: count them at the standard date then.
    if (!at.ok && at.error.code === "delivery_too_early") at = priceAt(undefined);
    if (!at.ok || at.needsManualQuote) return false;
    const line = {
      supplierTotalCents: at.supplier.totalPriceCents,
      buyerTotalCents: at.buyer.totalPriceCents,
    };
    return suppliers.some((supplier) => supplierTakes(supplier, line));
  };
  return {
    ...check,
    piecesToReach: piecesToReach(quote.quantity, pricing.orderRules.maxInstantQuantity, reachesAt),
  };
}
