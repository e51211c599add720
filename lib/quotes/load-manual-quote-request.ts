import { quotePart } from "../../quoting-engine/pricing/quote-part";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { currentAnalysis } from "../parts/current-analysis";
import { loadPricingData } from "../pricing/load-pricing-data";
import { parseRequestOptions } from "./parse-request-options";
import { quoteDay } from "./quote-day";
import { instantQuoteLimitReason } from "./instant-quote-limits";
import { suggestManualPrice, type ManualPriceSuggestion } from "./suggest-manual-price";
import {
  defaultTolerance,
  finishName,
  processNames,
  toleranceNames,
} from "../../quoting-engine/catalogue/catalogue";

/**
 * One manual quote request as operations price it: who asked and what for (options in words, notes,
 * whether a drawing came with it), the part (size, 3D view, the engine's manufacturability findings for
 * the chosen process), why the engine would not price it today, a suggested price from the engine with
 * its stops relaxed (see suggestManualPrice), and the quote that answered it, if any. `quoteCompany` is
 * the company a quote would be made for; null for a visitor's request, which cannot be priced into a cart.
 */
export async function loadManualQuoteRequest(db: Database, requestId: string, today = quoteDay()) {
  const request = await db.manualQuoteRequest.findUnique({
    where: { id: requestId },
    include: {
      part: { include: { company: { select: { id: true, name: true } } } },
      requestedBy: { select: { name: true, email: true, company: { select: { id: true, name: true } } } },
      answeredBy: { select: { name: true } },
      answeredQuote: true,
    },
  });
  if (!request) throw new AppError("not_found", "There is no such quote request.");
  const { part, ...rest } = request;
  const options = parseRequestOptions(request.options);
  const pricing = await loadPricingData(db);
  const report = await currentAnalysis(db, part);
  const material = pricing.data.materials.find((candidate) => candidate.code === options.materialCode);
  const optionsInWords = {
    process: processNames[options.process],
    material: material?.name ?? options.materialCode,
    finish: options.finishCode ? finishName(options.finishCode) : "the plain finish",
    tolerance: toleranceNames[options.tolerance ?? defaultTolerance],
    quantity: options.quantity,
    deliveryDate: options.deliveryDate ?? null,
  };

  let engine: { reasons: string[]; pricedNow: boolean } = { reasons: [], pricedNow: false };
  let suggestion: ManualPriceSuggestion = { ok: false, message: "The part has no analysis to price from." };
  if (report) {
    const quote = quotePart(report, { ...options, today, holidays: pricing.holidays }, pricing.data);
    // The shop's instant-quote limits count too: 100,000 pieces are not "priced now" (lib/quotes/instant-quote-limits.ts).
    const limit =
      quote.ok && !quote.needsManualQuote ? instantQuoteLimitReason(quote, pricing.orderRules, today) : null;
    engine = limit
      ? { reasons: [limit], pricedNow: false }
      : quote.ok
        ? { reasons: quote.needsManualQuote ? quote.reasons : [], pricedNow: !quote.needsManualQuote }
        : { reasons: [quote.error.message], pricedNow: false };
    suggestion = suggestManualPrice(report, options, pricing.data, today, pricing.holidays);
  }
  // A file the engine refused (surfaces that do not close, a damaged file): its reason is the engine's.
  if (!report && part.failureMessage) engine = { reasons: [part.failureMessage], pricedNow: false };
  const findings = (report?.dfm ?? [])
    .filter((finding) => finding.process === options.process)
    .map((finding, index) => ({ id: `${finding.code}-${index}`, ...finding }));
  const sizeMm = report ? report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!) : null;
  const quoteCompany = request.requestedBy?.company ?? part.company ?? null;
  return {
    ...rest,
    options,
    optionsInWords,
    part: {
      id: part.id,
      originalFileName: part.originalFileName,
      format: part.format,
      status: part.status,
      hasDisplayMesh: Boolean(part.displayMeshKey),
      sizeMm,
      volumeCm3: report ? report.volumeMm3 / 1000 : null,
    },
    findings,
    notices: report?.notices.map(({ code, message }) => ({ code, message })) ?? [],
    engine,
    suggestion,
    quoteCompany,
    defaultValidityDays: pricing.data.validityDays,
    settingsVersion: pricing.settingsVersion,
  };
}

export type ManualQuoteRequestDetail = Awaited<ReturnType<typeof loadManualQuoteRequest>>;
