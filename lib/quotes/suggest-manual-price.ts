import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { processNameInSentence } from "../../quoting-engine/catalogue/catalogue";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import { quotePart, type QuoteOptions } from "../../quoting-engine/pricing/quote-part";
import type { HolidayCalendar, IsoDate } from "../../quoting-engine/pricing/working-days";
import type { QuoteOptionsInput } from "./quote-options-schema";
import { formatIsoDay } from "@/lib/dates/format-day";

export type ManualPriceSuggestion =
  | {
      ok: true;
      unitPriceCents: number;
      totalPriceCents: number;
      supplierUnitCostCents: number;
      supplierTotalCostCents: number;
      estimatedMachineHours: number;
      /** The engine's date for these options (the buyer's wish when it can be met), and the earliest. */
      deliveryDate: IsoDate;
      earliestDate: IsoDate;
      /** What the engine was told to overlook to price the part at all: a person checks each. */
      assumptions: string[];
    }
  | { ok: false; message: string };

// Far beyond any machine: the envelope check is one of the things a suggestion overlooks.
const unlimitedEnvelopeMm: [number, number, number] = [1e6, 1e6, 1e6];

/**
 * A starting point for an engineer pricing a part the engine refused: the same part and options priced
 * again with the engine's stops relaxed — tolerances "tighter" priced as ISO 2768-f, the machine envelope
 * lifted, the process's "cannot make" findings overlooked, a material priced for a process it is not
 * listed for, and a delivery date that is too early moved to the standard one. Each relaxation is named
 * in `assumptions`. Pure: a function of the stored analysis, the options, the pricing data and the day.
 * Fails (ok: false) only when the options themselves are invalid (an unknown material or finish).
 */
export function suggestManualPrice(
  report: AnalysisReport,
  options: QuoteOptionsInput,
  data: PricingData,
  today: IsoDate,
  holidays?: HolidayCalendar,
): ManualPriceSuggestion {
  const assumptions: string[] = [];
  const processData = data.processes[options.process];
  const material = data.materials.find((candidate) => candidate.code === options.materialCode);
  if (!processData || !material)
    return { ok: false, message: `The material ${options.materialCode} is not in the price list.` };
  const errors = report.dfm.filter(
    (finding) =>
      finding.process === options.process &&
      finding.severity === "error" &&
      (!finding.materialClass || finding.materialClass === material.family),
  );
  if (errors.length > 0)
    assumptions.push(
      `Priced as if ${processNameInSentence(options.process)} could make it as drawn (${errors.length} finding${errors.length === 1 ? "" : "s"} say it cannot).`,
    );
  if (options.tolerance === "tighter")
    assumptions.push("Priced at ISO 2768-f: add for the tighter tolerances on the drawing.");
  if (!material.processes.includes(options.process))
    assumptions.push(
      `${material.name} is not listed for ${processNameInSentence(options.process)}; priced as if it were.`,
    );
  const relaxedData: PricingData = {
    ...data,
    materials: data.materials.map((candidate) =>
      candidate.code === material.code && !candidate.processes.includes(options.process)
        ? { ...candidate, processes: [...candidate.processes, options.process] }
        : candidate,
    ),
  };
  const relaxedReport: AnalysisReport = {
    ...report,
    dfm: report.dfm.filter((finding) => !errors.includes(finding)),
  };
  let relaxedOptions: QuoteOptions = {
    process: options.process,
    materialCode: options.materialCode,
    ...(options.finishCode ? { finishCode: options.finishCode } : {}),
    tolerance: options.tolerance === "tighter" ? "fine" : (options.tolerance ?? "medium"),
    quantity: options.quantity,
    ...(options.deliveryDate && options.deliveryDate > today ? { deliveryDate: options.deliveryDate } : {}),
    today,
    ...(holidays ? { holidays } : {}),
  };
  let quote = quotePart(relaxedReport, relaxedOptions, relaxedData);
  // With everything else relaxed, only the machine envelope can still stop the engine.
  if (quote.ok && quote.needsManualQuote) {
    assumptions.push("Priced as if the part fitted the largest machine: check which partner can make it.");
    relaxedData.processes = {
      ...data.processes,
      [options.process]: { ...processData, envelopeMm: unlimitedEnvelopeMm },
    };
    quote = quotePart(relaxedReport, relaxedOptions, relaxedData);
  }
  if (!quote.ok && quote.error.code === "delivery_too_early") {
    const wanted = options.deliveryDate ? ` ${formatIsoDay(options.deliveryDate)}` : "";
    assumptions.push(`The wanted date${wanted} is too early; priced for the standard date.`);
    const { deliveryDate: _tooEarly, ...standard } = relaxedOptions;
    relaxedOptions = standard;
    quote = quotePart(relaxedReport, relaxedOptions, relaxedData);
  }
  if (!quote.ok) return { ok: false, message: quote.error.message };
  if (quote.needsManualQuote) return { ok: false, message: quote.reasons.join(" ") };
  return {
    ok: true,
    unitPriceCents: quote.buyer.unitPriceCents,
    totalPriceCents: quote.buyer.totalPriceCents,
    supplierUnitCostCents: quote.supplier.unitPriceCents,
    supplierTotalCostCents: quote.supplier.totalPriceCents,
    estimatedMachineHours: quote.estimatedMachineHours,
    deliveryDate: quote.delivery.date,
    earliestDate: quote.delivery.earliestDate,
    assumptions,
  };
}
