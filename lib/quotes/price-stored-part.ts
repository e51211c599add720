import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { compareProcesses } from "../../quoting-engine/pricing/compare-processes";
import { quotePart, type QuoteOptions } from "../../quoting-engine/pricing/quote-part";
import type { Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { loadPricingData } from "../pricing/load-pricing-data";

/**
 * Prices an analysed part from its stored analysis and the current pricing data: one set of options,
 * or (`compare`) every process in its default material. The file itself is never read again.
 */
export async function priceStoredPart(
  db: Database,
  part: Part,
  request:
    ({ compare?: false } & Omit<QuoteOptions, "today" | "holidays">) | { compare: true; quantity: number },
  today: string,
) {
  if (part.status !== "ANALYZED" || !part.analysis)
    throw new AppError(
      "invalid_state_transition",
      part.status === "FAILED"
        ? "This part could not be read, so it has no price. Upload a corrected file."
        : "The part is still being analysed; its price follows in a moment.",
    );
  const report = part.analysis as unknown as AnalysisReport;
  const { data, settingsVersion } = await loadPricingData(db);
  if (request.compare)
    return { settingsVersion, ...compareProcesses(report, { quantity: request.quantity, today }, data) };
  const { compare: _compare, ...options } = request;
  return { settingsVersion, quote: quotePart(report, { ...options, today }, data) };
}
