import { finishName, processNames, toleranceNames } from "../../quoting-engine/catalogue/catalogue";
import type { QuoteOptionsInput } from "./quote-options-schema";
import { formatIsoDay } from "@/lib/dates/format-day";

/** A buyer's quote options in words: "10 pcs, CNC milling in AL6061, finish …, tolerance …, wanted by …". */
export function describeQuoteOptions(options: QuoteOptionsInput): string {
  return [
    `${options.quantity} pcs`,
    `${processNames[options.process]} in ${options.materialCode}`,
    options.finishCode ? `finish ${finishName(options.finishCode)}` : null,
    options.tolerance ? `tolerance ${toleranceNames[options.tolerance]}` : null,
    options.deliveryDate ? `wanted by ${formatIsoDay(options.deliveryDate)}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}
