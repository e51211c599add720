import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { compareProcesses } from "../../quoting-engine/pricing/compare-processes";
import { deliveryCalendar } from "../../quoting-engine/pricing/delivery-calendar";
import { quotePart, type QuoteOptions } from "../../quoting-engine/pricing/quote-part";
import type { Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { currentAnalysis } from "../parts/current-analysis";
import { loadPricingData } from "../pricing/load-pricing-data";

/** The part's current analysis; an outdated one is sent to be analysed again (lib/parts/current-analysis.ts). */
async function analysisOf(db: Database, part: Part): Promise<AnalysisReport> {
  const report = await currentAnalysis(db, part);
  if (!report)
    throw new AppError(
      "invalid_state_transition",
      part.status === "FAILED"
        ? "This part could not be read, so it has no price. Upload a corrected file."
        : "The part is still being analysed; its price follows in a moment.",
    );
  return report;
}

/**
 * Prices an analysed part for one set of options from its stored analysis and the current pricing
 * data; a priced quote comes with its delivery calendar (each working day and its price). Delivery dates
 * skip national holidays and the platform's closure days. The file itself is never read again.
 */
export async function priceStoredPart(
  db: Database,
  part: Part,
  options: Omit<QuoteOptions, "today" | "holidays">,
  today: string,
) {
  const report = await analysisOf(db, part);
  const { data, settingsVersion, holidays } = await loadPricingData(db);
  const quote = quotePart(report, { ...options, today, holidays }, data);
  const calendar =
    quote.ok && !quote.needsManualQuote ? deliveryCalendar(quote.delivery.options, today, 5, holidays) : [];
  return { settingsVersion, quote, calendar };
}

/**
 * Every process's price for the part, each in its cheapest material, at one quantity. Pass `pricing`
 * when the caller has loaded it already (the part page needs it for its option lists too).
 */
export async function compareStoredPart(
  db: Database,
  part: Part,
  quantity: number,
  today: string,
  pricing?: Awaited<ReturnType<typeof loadPricingData>>,
) {
  const report = await analysisOf(db, part);
  const { data, settingsVersion, holidays } = pricing ?? (await loadPricingData(db));
  return { settingsVersion, ...compareProcesses(report, { quantity, today, holidays }, data) };
}
