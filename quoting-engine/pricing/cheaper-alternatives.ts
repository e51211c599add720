import type { ManufacturingProcess } from "../catalogue/catalogue";

/** A process in a comparison, or the buyer's current choice, as far as a price comparison needs it. */
export interface ComparedProcess {
  process: ManufacturingProcess;
  material: { code: string; name: string };
  quantity: number;
  buyer: { unitPriceCents: number; totalPriceCents: number };
  /** The buyer's total with a small-order surcharge where the app adds one (lib/small-orders). */
  totalWithSurchargeCents?: number;
}

/** A cheaper process than the one compared against, and what choosing it changes for the part. */
export interface CheaperAlternative {
  process: ManufacturingProcess;
  /** Buyer's price per part saved against the compared choice (small-order surcharges in), cents. */
  savesCentsPerPart: number;
  /** "in PLA filament instead of Aluminium 6061-T6; printed in 0.2 mm layers: visible layer lines, …". */
  changes: string;
}

/** What the buyer pays for the line, surcharge included. */
const totalOf = (quote: ComparedProcess) => quote.totalWithSurchargeCents ?? quote.buyer.totalPriceCents;

/** What a process makes differently, in a few words. */
const processTraits: Record<ManufacturingProcess, string> = {
  cnc_milling: "milled from a block",
  cnc_turning: "turned from bar",
  fdm: "printed in 0.2 mm layers: visible layer lines, weaker across the layers",
  sla: "printed in resin: smooth, but brittler than a machined or moulded part",
  sls: "sintered from nylon powder: grainy surface, about ±0.3 mm",
  mjf: "fused from nylon powder: grainy grey surface, about ±0.3 mm",
  metal_pbf: "printed in metal: rough surface where supports stood",
  sheet_metal: "cut and bent from sheet",
  laser_cutting: "cut from sheet",
};

/**
 * The other processes of a comparison that cost the buyer less than `chosen` (the recommended process in
 * its cheapest material, or the process and material the buyer has chosen on the part page), each with
 * what it saves per part and what it changes. Pure, so the part page can compare against its live price.
 */
export function cheaperAlternatives(
  priced: readonly ComparedProcess[],
  chosen: ComparedProcess,
): CheaperAlternative[] {
  return priced
    .filter((quote) => quote.process !== chosen.process && totalOf(quote) < totalOf(chosen))
    .map((quote) => ({
      process: quote.process,
      savesCentsPerPart: Math.round((totalOf(chosen) - totalOf(quote)) / chosen.quantity),
      changes: changesOf(quote, chosen),
    }));
}

function changesOf(alternative: ComparedProcess, chosen: ComparedProcess): string {
  const material =
    alternative.material.code === chosen.material.code
      ? `in ${alternative.material.name}`
      : `in ${alternative.material.name} instead of ${chosen.material.name}`;
  return `${material}; ${processTraits[alternative.process]}`;
}
