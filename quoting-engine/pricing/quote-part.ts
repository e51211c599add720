import type { AnalysisReport } from "../analysis/analyze-file";
import {
  defaultTolerance,
  finishNames,
  isQuantityInRange,
  manufacturingProcesses,
  processNameInSentence,
  quantityLimits,
  type ManufacturingProcess,
  type PricedTolerance,
  type ToleranceOption,
} from "../catalogue/catalogue";
import type { CostEstimate, CostInput } from "./cost-estimate";
import { estimateAdditiveCost } from "./estimate-additive-cost";
import { estimateMachiningCost } from "./estimate-machining-cost";
import { cannotMakeReasons, manualReasons } from "./manual-reasons";
import { estimateSheetMetalCost } from "./sheet-metal/estimate-sheet-metal-cost";
import { isSheetProcess, sheetMetalReasons } from "./sheet-metal/sheet-metal-reasons";
import type { DeliveryTier, FinishData, MaterialData, PricingData } from "./pricing-data";
import {
  addWorkingDays,
  germanNationalHolidays,
  isIsoDate,
  shift,
  workingDaysBetween,
  type HolidayCalendar,
  type IsoDate,
} from "./working-days";

export const priceBreakQuantities = [1, 5, 10, 25, 50, 100, 250, 500, 1000];

export interface QuoteOptions {
  process: ManufacturingProcess;
  materialCode: string;
  /** Default: the process's plain finish (as machined, as printed). */
  finishCode?: string;
  /** ISO 2768 class; "tighter" asks for tolerances beyond ISO 2768-f, which a person prices. */
  tolerance?: ToleranceOption;
  quantity: number;
  /** Wanted delivery date; default the standard lead time. */
  deliveryDate?: IsoDate;
  /** The day the quote is made: prices and dates are a pure function of it. */
  today: IsoDate;
  holidays?: HolidayCalendar;
}

export interface BreakdownLine {
  kind: "material" | "machine" | "setup" | "labour" | "finishing" | "inspection" | "delivery" | "margin";
  label: string;
  minutesPerPart?: number;
  /** Whole cents per part; the lines add up to the buyer's unit price exactly. */
  centsPerPart: number;
}

export interface DeliveryOption {
  tier: DeliveryTier["code"];
  label: string;
  date: IsoDate;
  workingDays: number;
  priceFactor: number;
  buyerUnitPriceCents: number;
  buyerTotalPriceCents: number;
}

export interface PricedQuote {
  ok: true;
  needsManualQuote: false;
  process: ManufacturingProcess;
  material: { code: string; name: string };
  finish: { code: string; name: string };
  tolerance: PricedTolerance;
  quantity: number;
  currency: "EUR";
  buyer: { unitPriceCents: number; totalPriceCents: number };
  supplier: { unitPriceCents: number; totalPriceCents: number };
  marginPercent: number;
  breakdown: BreakdownLine[];
  /** At the standard delivery date. */
  priceBreaks: { quantity: number; buyerUnitPriceCents: number; buyerTotalPriceCents: number }[];
  delivery: { date: IsoDate; tier: DeliveryTier["code"]; earliestDate: IsoDate; options: DeliveryOption[] };
  estimatedMachineHours: number;
  validUntil: IsoDate;
  warnings: string[];
}

export interface ManualQuote {
  ok: true;
  needsManualQuote: true;
  process: ManufacturingProcess;
  material: { code: string; name: string };
  quantity: number;
  reasons: string[];
  /**
   * The reasons that mean the process cannot make the part at all (a flat plate on a lathe): a person
   * cannot price it either, so the buyer is sent to another process. Empty when a person can quote it.
   */
  cannotMake: string[];
  warnings: string[];
}

export interface QuoteFailure {
  ok: false;
  error: { code: "invalid_option" | "delivery_too_early"; message: string; earliestDate?: IsoDate };
}

export type QuoteResult = PricedQuote | ManualQuote | QuoteFailure;

/**
 * Prices one part for one set of options: a pure function of the stored analysis, the options and the
 * pricing data, so changing an option never reads the file again. Refuses bad options with a message;
 * says `needsManualQuote` with reasons when the part or the options are beyond automatic pricing.
 */
export function quotePart(report: AnalysisReport, options: QuoteOptions, data: PricingData): QuoteResult {
  const invalid = (message: string): QuoteFailure => ({
    ok: false,
    error: { code: "invalid_option", message },
  });
  const processData = data.processes[options.process];
  if (!processData)
    return invalid(
      `Unknown process "${options.process}"; choose one of ${manufacturingProcesses.join(", ")}.`,
    );
  if (!isQuantityInRange(options.quantity))
    return invalid(
      `The quantity must be a whole number from ${quantityLimits.min} to ${quantityLimits.max} (got ${options.quantity}).`,
    );
  if (!isIsoDate(options.today)) return invalid(`"${options.today}" is not a date (YYYY-MM-DD).`);
  if (options.deliveryDate !== undefined && !isIsoDate(options.deliveryDate))
    return invalid(`"${options.deliveryDate}" is not a delivery date (YYYY-MM-DD).`);
  const material = data.materials.find((candidate) => candidate.code === options.materialCode);
  if (!material)
    return invalid(
      `Unknown material "${options.materialCode}"; materials for ${processNameInSentence(options.process)}: ${materialsFor(data, options.process).join(", ")}.`,
    );
  const finish = options.finishCode
    ? data.finishes.find((candidate) => candidate.code === options.finishCode)
    : data.finishes.find(
        (candidate) => candidate.processes.includes(options.process) && candidate.centsPerCm2 === 0,
      );
  if (
    !finish ||
    !finish.processes.includes(options.process) ||
    (finish.materialCodes && !finish.materialCodes.includes(material.code))
  )
    return invalid(
      `The finish "${options.finishCode}" is not offered for ${processNameInSentence(options.process)} in ${material.name}; choose one of ${finishesFor(data, options.process, material).join(", ")}.`,
    );

  const sheet = sheetMetalReasons(report, options.process, material, data);
  const reasons = [
    ...manualReasons(report, options, material, processData.envelopeMm),
    ...sheet.cannotMake,
    ...sheet.manual,
  ];
  const warnings = report.dfm
    .filter(
      (finding) =>
        finding.process === options.process &&
        finding.severity === "warning" &&
        (!finding.materialClass || finding.materialClass === material.family),
    )
    .map((finding) => finding.message);
  if (reasons.length > 0)
    return {
      ok: true,
      needsManualQuote: true,
      process: options.process,
      material: { code: material.code, name: material.name },
      quantity: options.quantity,
      reasons,
      cannotMake: [...cannotMakeReasons(report, options, material), ...sheet.cannotMake],
      warnings,
    };

  // "tighter" went to a person above.
  const tolerance: PricedTolerance =
    options.tolerance === undefined || options.tolerance === "tighter" ? defaultTolerance : options.tolerance;
  const holidays = options.holidays ?? germanNationalHolidays;
  const priceAt = (quantity: number) =>
    costAt(report, options.process, material, finish, tolerance, quantity, data);
  const current = priceAt(options.quantity);
  const tiers = deliveryOptionsFor(current, processData, finish, data, options.today, holidays);
  let chosen = tiers.find((tier) => tier.code === "standard") ?? tiers[0]!;
  if (options.deliveryDate !== undefined) {
    const available = workingDaysBetween(options.today, options.deliveryDate, holidays);
    const feasible = tiers.filter((tier) => tier.workingDays <= available);
    if (feasible.length === 0)
      return {
        ok: false,
        error: {
          code: "delivery_too_early",
          message: `The earliest delivery date for ${options.quantity} part${options.quantity === 1 ? "" : "s"} is ${tiers[0]!.date} (express); ${options.deliveryDate} is too early.`,
          earliestDate: tiers[0]!.date,
        },
      };
    // The cheapest tier that still arrives by the wanted date.
    chosen = feasible.reduce((best, tier) => (tier.priceFactor < best.priceFactor ? tier : best));
  }
  const marginPercent = marginFor(data, options.process, options.quantity);
  const priced = price(current.exactCents, chosen.priceFactor, marginPercent);
  const breakdown: BreakdownLine[] = current.lines.map((line) => ({
    kind: line.kind,
    label: line.label,
    ...(line.minutesPerPart !== undefined ? { minutesPerPart: round2(line.minutesPerPart) } : {}),
    centsPerPart: Math.round(line.centsPerPart),
  }));
  const baseCents = breakdown.reduce((sum, line) => sum + line.centsPerPart, 0);
  if (priced.supplierUnit !== baseCents)
    breakdown.push({
      kind: "delivery",
      label:
        chosen.priceFactor === 1
          ? "Rounding to whole cents"
          : `${chosen.label} delivery (${chosen.priceFactor > 1 ? "+" : "−"}${Math.round(Math.abs(chosen.priceFactor - 1) * 100)} %)`,
      centsPerPart: priced.supplierUnit - baseCents,
    });
  breakdown.push({
    kind: "margin",
    label: `Platform margin (${marginPercent} %)`,
    centsPerPart: priced.buyerUnit - priced.supplierUnit,
  });
  const deliveryOptions: DeliveryOption[] = tiers.map((tier) => {
    const unit = price(current.exactCents, tier.priceFactor, marginPercent).buyerUnit;
    return {
      tier: tier.code,
      label: tier.label,
      date: tier.date,
      workingDays: tier.workingDays,
      priceFactor: tier.priceFactor,
      buyerUnitPriceCents: unit,
      buyerTotalPriceCents: unit * options.quantity,
    };
  });
  return {
    ok: true,
    needsManualQuote: false,
    process: options.process,
    material: { code: material.code, name: material.name },
    finish: { code: finish.code, name: finishNames[finish.code] },
    tolerance,
    quantity: options.quantity,
    currency: data.currency,
    buyer: { unitPriceCents: priced.buyerUnit, totalPriceCents: priced.buyerUnit * options.quantity },
    supplier: {
      unitPriceCents: priced.supplierUnit,
      totalPriceCents: priced.supplierUnit * options.quantity,
    },
    marginPercent,
    breakdown,
    priceBreaks: priceBreakQuantities.map((quantity) => {
      const unit = price(
        priceAt(quantity).exactCents,
        1,
        marginFor(data, options.process, quantity),
      ).buyerUnit;
      return { quantity, buyerUnitPriceCents: unit, buyerTotalPriceCents: unit * quantity };
    }),
    delivery: {
      date: options.deliveryDate ?? chosen.date,
      tier: chosen.code,
      earliestDate: tiers[0]!.date,
      options: deliveryOptions,
    },
    estimatedMachineHours: round2(current.orderMachineHours),
    validUntil: shift(options.today, data.validityDays),
    warnings,
  };
}

/** The supplier's unrounded cost per part, line by line, at one quantity. */
function costAt(
  report: AnalysisReport,
  process: ManufacturingProcess,
  material: MaterialData,
  finish: FinishData,
  tolerance: PricedTolerance,
  quantity: number,
  data: PricingData,
): CostEstimate & { exactCents: number } {
  const input: CostInput = {
    report,
    material,
    process: data.processes[process],
    data,
    tolerance: data.tolerances[tolerance],
    quantity,
  };
  const estimate = isSheetProcess(process)
    ? // sheetMetalReasons sent every part these cannot price to a person before: the fallback is unreachable.
      (estimateSheetMetalCost(input, process) ?? { lines: [], orderMachineHours: 0 })
    : process === "cnc_milling" || process === "cnc_turning"
      ? estimateMachiningCost(input, process)
      : estimateAdditiveCost(input, process);
  const lines = [...estimate.lines];
  const finishCents = (report.areaMm2 / 100) * finish.centsPerCm2 + finish.centsPerOrder / quantity;
  if (finishCents > 0)
    lines.push({
      kind: "finishing",
      label: `${finishNames[finish.code]} (per area, and per batch)`,
      centsPerPart: finishCents,
    });
  return { ...estimate, lines, exactCents: lines.reduce((sum, line) => sum + line.centsPerPart, 0) };
}

/**
 * Rounding, explicitly: the supplier's unit price is its exact cost times the delivery factor, rounded
 * half up to a whole cent; the buyer's is the same exact amount with the margin on top, rounded the same
 * way. Totals are unit × quantity, so an invoice line always multiplies out.
 */
function price(exactCents: number, deliveryFactor: number, marginPercent: number) {
  const supplierUnit = Math.max(1, Math.round(exactCents * deliveryFactor));
  const buyerUnit = Math.max(
    supplierUnit,
    Math.round(exactCents * deliveryFactor * (1 + marginPercent / 100)),
  );
  return { supplierUnit, buyerUnit };
}

function marginFor(data: PricingData, process: ManufacturingProcess, quantity: number): number {
  const rules = [...data.margins].sort((a, b) => b.minQuantity - a.minQuantity);
  const rule =
    rules.find((candidate) => candidate.process === process && quantity >= candidate.minQuantity) ??
    rules.find((candidate) => candidate.process === undefined && quantity >= candidate.minQuantity);
  return rule?.marginPercent ?? 0;
}

/**
 * Dates for each tier. The standard lead time is the process's base days plus the order's production
 * days, at least 10 working days, plus the finisher's days; a tier takes its share of it, never less
 * than the production and finishing days plus two (for inspection and shipping).
 */
function deliveryOptionsFor(
  estimate: CostEstimate,
  process: PricingData["processes"][ManufacturingProcess],
  finish: FinishData,
  data: PricingData,
  today: IsoDate,
  holidays: HolidayCalendar,
): (DeliveryTier & { date: IsoDate; workingDays: number })[] {
  const productionDays = Math.ceil(estimate.orderMachineHours / process.machineHoursPerDay);
  const standardDays = Math.max(10, process.baseLeadDays + productionDays) + finish.extraLeadDays;
  const minimumDays = productionDays + finish.extraLeadDays + 2;
  return [...data.deliveryTiers]
    .sort((a, b) => a.leadShare - b.leadShare)
    .map((tier) => {
      const workingDays = Math.max(minimumDays, Math.ceil(standardDays * tier.leadShare));
      return { ...tier, workingDays, date: addWorkingDays(today, workingDays, holidays) };
    });
}

function materialsFor(data: PricingData, process: ManufacturingProcess): string[] {
  return data.materials
    .filter((material) => material.processes.includes(process))
    .map((material) => material.code);
}

function finishesFor(data: PricingData, process: ManufacturingProcess, material: MaterialData): string[] {
  return data.finishes
    .filter(
      (finish) =>
        finish.processes.includes(process) &&
        (!finish.materialCodes || finish.materialCodes.includes(material.code)),
    )
    .map((finish) => finish.code);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
