import { finishName, processNames, toleranceNames } from "../../quoting-engine/catalogue/catalogue";
import type { QuoteOptionsInput } from "./quote-options-schema";
import { formatIsoDay } from "@/lib/dates/format-day";

/**
 * A buyer's quote options in words: "10 pcs, CNC milling in Aluminium 6061-T6, finish …, tolerance …,
 * wanted by …", the material by its name (the caller reads it from the catalogue).
 */
export function describeQuoteOptions(options: QuoteOptionsInput, materialName: string): string {
  return [
    `${options.quantity} pcs`,
    `${processNames[options.process]} in ${materialName}`,
    options.finishCode ? `finish ${finishName(options.finishCode)}` : null,
    options.tolerance ? `tolerance ${toleranceNames[options.tolerance]}` : null,
    options.deliveryDate ? `wanted by ${formatIsoDay(options.deliveryDate)}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}
