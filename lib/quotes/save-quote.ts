import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { findViewablePart, type PartViewer } from "../parts/find-viewable-part";
import { priceStoredPart } from "./price-stored-part";
import { quoteDay } from "./quote-day";
import type { QuoteOptionsInput } from "./quote-options-schema";
import { dbProcessOf, dbToleranceOf } from "../db/catalogue-codes";

/**
 * Prices a part again on the server for the buyer's options and stores the result as a Quote: the
 * price the browser showed is never trusted, and the stored quote is what checkout freezes into the
 * order. Parts that need a person to price them cannot be saved (they take the manual-quote form).
 */
export async function saveQuote(
  db: Database,
  buyer: { companyId: string; userId: string },
  partId: string,
  options: QuoteOptionsInput,
  today = quoteDay(),
) {
  const viewer: PartViewer = { companyId: buyer.companyId };
  const part = await findViewablePart(db, partId, viewer);
  const { quote, settingsVersion } = await priceStoredPart(db, part, options, today);
  if (!quote.ok) throw new AppError("validation_failed", quote.error.message);
  if (quote.needsManualQuote)
    throw new AppError(
      "invalid_state_transition",
      `This part needs a quote from a person: ${quote.reasons.join(" ")} Use "Request a quote" instead.`,
    );
  const material = await db.material.findUnique({ where: { code: quote.material.code } });
  if (!material) throw new AppError("not_found", `The material ${quote.material.code} is no longer offered.`);
  return db.quote.create({
    data: {
      partId: part.id,
      companyId: buyer.companyId,
      createdById: buyer.userId,
      process: dbProcessOf(quote.process),
      materialId: material.id,
      finish: quote.finish.code,
      toleranceClass: dbToleranceOf(quote.tolerance),
      quantity: quote.quantity,
      deliveryDate: new Date(`${quote.delivery.date}T00:00:00Z`),
      currency: quote.currency,
      unitPriceCents: quote.buyer.unitPriceCents,
      totalPriceCents: quote.buyer.totalPriceCents,
      supplierUnitCostCents: quote.supplier.unitPriceCents,
      supplierTotalCostCents: quote.supplier.totalPriceCents,
      estimatedMachineHours: quote.estimatedMachineHours,
      breakdown: quote.breakdown as unknown as object,
      priceBreaks: quote.priceBreaks as unknown as object,
      warnings: quote.warnings,
      settingsVersion,
      validUntil: new Date(`${quote.validUntil}T23:59:59Z`),
    },
  });
}
