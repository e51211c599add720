import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { compareProcesses } from "../../quoting-engine/pricing/compare-processes";
import { recommendProcess } from "../../quoting-engine/pricing/recommend-process";
import { deliveryCalendar, type CalendarDay } from "../../quoting-engine/pricing/delivery-calendar";
import {
  quotePart,
  type ManualQuote,
  type PricedQuote,
  type QuoteOptions,
  type QuoteResult,
} from "../../quoting-engine/pricing/quote-part";
import type { Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatIsoDay } from "../dates/format-day";
import { currentAnalysis } from "../parts/current-analysis";
import { readPreliminaryAnalysis } from "../parts/preliminary-analysis";
import { loadPricingData } from "../pricing/load-pricing-data";
import { comparedWithSmallOrders } from "../small-orders/compared-with-small-orders";
import { smallOrderForQuote, type SmallOrder } from "../small-orders/small-order-for-quote";
import { asManualQuote, instantQuoteLimitReason } from "./instant-quote-limits";
import { deliveryDateRefusal } from "./delivery-date-refusal";

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
 *
 * Only what the shop can place is priced instantly: beyond the instant-quote limits (quantity, delivery
 * horizon) or with no partner able to make it, the quote becomes a manual one with the reason; a priced
 * quote comes with `smallOrder`, what the partners' minimum order values ask of it (surcharge or amount
 * missing, lib/small-orders).
 */
export async function priceStoredPart(
  db: Database,
  part: Part,
  options: Omit<QuoteOptions, "today" | "holidays">,
  today: string,
): Promise<{
  settingsVersion: number;
  quote: QuoteResult;
  calendar: CalendarDay[];
  smallOrder: SmallOrder | null;
}> {
  const report = await analysisOf(db, part);
  const pricing = await loadPricingData(db);
  const { data, settingsVersion, holidays } = pricing;
  const dateRefusal =
    options.deliveryDate === undefined
      ? null
      : deliveryDateRefusal(options.deliveryDate, today, holidays, pricing.orderRules.horizonDays);
  if (dateRefusal)
    return {
      settingsVersion,
      quote: { ok: false, error: { code: "invalid_option", message: dateRefusal } },
      calendar: [],
      smallOrder: null,
    };
  let quote: QuoteResult = withReadableDates(
    quotePart(report, { ...options, today, holidays }, data),
    options,
  );
  let smallOrder: SmallOrder | null = null;
  if (quote.ok && !quote.needsManualQuote) {
    const limit = instantQuoteLimitReason(quote, pricing.orderRules, today);
    if (limit) quote = asManualQuote(quote, limit);
    else {
      smallOrder = await smallOrderForQuote(db, report, quote, options, pricing, today);
      if (smallOrder.kind === "no-partner") {
        quote = asManualQuote(quote, `${smallOrder.reason} We quote it by hand within one working day.`);
        smallOrder = null;
      }
    }
  }
  const calendar =
    quote.ok && !quote.needsManualQuote ? deliveryCalendar(quote.delivery.options, today, 5, holidays) : [];
  return { settingsVersion, quote, calendar, smallOrder };
}

/**
 * The engine writes days as "2027-01-12" (its machine format); a refused delivery date is read by a buyer
 * (the part page, the API's message), so its sentence names days as "12 Jan 2027" (lib/dates/format-day.ts).
 * `earliestDate` stays ISO for machines.
 */
function withReadableDates(
  quote: QuoteResult,
  options: { quantity: number; deliveryDate?: string },
): QuoteResult {
  if (quote.ok || quote.error.code !== "delivery_too_early" || !quote.error.earliestDate) return quote;
  const pieces = `${options.quantity} part${options.quantity === 1 ? "" : "s"}`;
  const wanted = options.deliveryDate ? `; ${formatIsoDay(options.deliveryDate)} is too early` : "";
  return {
    ...quote,
    error: {
      ...quote.error,
      message: `The earliest delivery date for ${pieces} is ${formatIsoDay(quote.error.earliestDate)} (express)${wanted}. Choose that day or a later one.`,
    },
  };
}

/**
 * Every process's price for the part, each in its cheapest material, at one quantity, with the small-order
 * surcharge each would carry (sorted by the price with it). Pass `pricing`
 * when the caller has loaded it already (the part page needs it for its option lists too).
 */
export async function compareStoredPart(
  db: Database,
  part: Part,
  quantity: number,
  today: string,
  pricing?: Awaited<ReturnType<typeof loadPricingData>>,
  /**
   * Until the final analysis is stored, price from the report measured before features, answered with
   * `preliminary: true` (docs/decisions/0049). Only for showing a first price: saved quotes, the cart and
   * checkout price through priceStoredPart, which takes only the final analysis.
   */
  options: { allowPreliminary?: boolean } = {},
) {
  const final = options.allowPreliminary ? await currentAnalysis(db, part) : null;
  const preliminary = options.allowPreliminary && !final ? readPreliminaryAnalysis(part) : null;
  const report = final ?? preliminary ?? (await analysisOf(db, part));
  return {
    ...(await compareAnalysis(db, report, quantity, today, pricing)),
    preliminary: Boolean(preliminary),
  };
}

/** compareStoredPart for a report at hand (the part page prices the early report to say what changed). */
export async function compareAnalysis(
  db: Database,
  report: AnalysisReport,
  quantity: number,
  today: string,
  pricing?: Awaited<ReturnType<typeof loadPricingData>>,
) {
  const { data, settingsVersion, holidays, orderRules } = pricing ?? (await loadPricingData(db));
  const comparison = compareProcesses(report, { quantity, today, holidays }, data);
  // The same instant-quote limits as one process's price: beyond them every process goes to a person.
  const withinLimits: PricedQuote[] = [];
  const manual: ManualQuote[] = [...comparison.manual];
  for (const quote of comparison.priced) {
    const limit = instantQuoteLimitReason(quote, orderRules, today);
    if (limit) manual.push(asManualQuote(quote, limit));
    else withinLimits.push(quote);
  }
  // The partners' minimum order values as a single quote applies them: surcharge, or no partner at all.
  const compared = await comparedWithSmallOrders(db, report, withinLimits, orderRules, today, data);
  // Recommended among what the buyer can order at once, after the limits and the partners' minimums.
  return {
    settingsVersion,
    priced: compared.priced,
    manual: [...manual, ...compared.manual],
    recommended: recommendProcess(report, compared.priced),
  };
}
