import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { ManualQuote, PricedQuote } from "../../quoting-engine/pricing/quote-part";
import type { ProcessRecommendation } from "../../quoting-engine/pricing/recommend-process";
import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import { dbProcessOf } from "../db/catalogue-codes";
import type { Database } from "../db/prisma";
import { asManualQuote } from "../quotes/instant-quote-limits";
import { loadCapableSuppliers } from "./load-capable-suppliers";
import { sheetNeedsOfReport } from "./sheet-needs-of-report";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import { isSheetProcess } from "../../quoting-engine/pricing/sheet-metal/sheet-metal-reasons";
import type { OrderRules } from "./order-rules";
import { checkSmallOrder } from "./small-order-check";
import { partSizeOfReport } from "./small-order-for-quote";

/** One process in the comparison, with what the partners' minimum order values add to it. */
export type ComparedQuote = PricedQuote & {
  /** The small-order surcharge this line would carry as it is (0 when a partner takes it without one). */
  smallOrderSurchargeCents: number;
  /** The buyer's total with the surcharge: what the comparison sorts by and the "from" price shows. */
  totalWithSurchargeCents: number;
  /** True when no partner takes the line at this value and the surcharge is switched off. */
  belowMinimumOrder: boolean;
};

/** The part page's and the upload row's comparison: every process's price as the buyer would pay it. */
export interface StoredComparison {
  priced: ComparedQuote[];
  manual: ManualQuote[];
  /** The process the part is designed for, preselected on the part page (decision 0117). */
  recommended?: ProcessRecommendation | null;
}

/**
 * Adds the partners' minimum order values to each process's price in a comparison, as the part page
 * prices one process (small-order-for-quote.ts): the surcharge a line would carry, or a process no
 * partner could make at all (then it goes to a person, like a single quote). Sorted by what the buyer
 * would pay, so "from €…" in the upload row and the cheapest process are the price the cart will show.
 * Finding the quantity that reaches a minimum is left to the single quote: it prices many quantities.
 */
export async function comparedWithSmallOrders(
  db: Database,
  report: AnalysisReport,
  quotes: readonly PricedQuote[],
  orderRules: OrderRules,
  today: IsoDate,
  /** The pricing data, for sheet lines' machine needs (a laser that cuts the thickness, issue 23). */
  data?: PricingData,
): Promise<StoredComparison> {
  const priced: ComparedQuote[] = [];
  const manual: ManualQuote[] = [];
  // Each process's partners at once, not one query after another (the upload row waits for this).
  const suppliersOf = await Promise.all(
    quotes.map((quote) =>
      loadCapableSuppliers(db, {
        process: dbProcessOf(quote.process),
        materialCode: quote.material.code,
        partSizeMm: partSizeOfReport(report),
        today,
        sheet: data && sheetNeedsOfReport(report, quote.process, quote.material.code, data),
      }),
    ),
  );
  for (const [index, quote] of quotes.entries()) {
    const suppliers = suppliersOf[index]!;
    const check = checkSmallOrder(
      { supplierTotalCents: quote.supplier.totalPriceCents, buyerTotalCents: quote.buyer.totalPriceCents },
      suppliers,
      orderRules,
      quote.marginPercent,
    );
    // No partner's laser cuts the part (too thick, too large): laser cutting and sheet metal are not
    // offered for it, as they are not listed for parts they cannot make (issue 23).
    if (check.kind === "no-partner" && isSheetProcess(quote.process)) continue;
    if (check.kind === "no-partner") {
      manual.push(asManualQuote(quote, `${check.reason} We quote it by hand within one working day.`));
      continue;
    }
    const smallOrderSurchargeCents = check.kind === "surcharge" ? check.surchargeCents : 0;
    priced.push({
      ...quote,
      smallOrderSurchargeCents,
      totalWithSurchargeCents: quote.buyer.totalPriceCents + smallOrderSurchargeCents,
      belowMinimumOrder: check.kind === "missing",
    });
  }
  priced.sort((a, b) => a.totalWithSurchargeCents - b.totalWithSurchargeCents);
  return { priced, manual };
}
