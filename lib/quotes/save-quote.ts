import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { findViewablePart, type PartViewer } from "../parts/find-viewable-part";
import { priceStoredPart } from "./price-stored-part";
import { quoteDay } from "./quote-day";
import type { QuoteOptionsInput } from "./quote-options-schema";
import { dbProcessOf, dbToleranceOf } from "../db/catalogue-codes";
import { orderableTotals } from "../small-orders/orderable-totals";
import { endOfDeadlineDay } from "../dates/end-of-deadline-day";

/**
 * Prices a part again on the server for the buyer's options and stores the result as a Quote: the
 * price the browser showed is never trusted, and the stored quote is what checkout freezes into the
 * order. Parts that need a person to price them cannot be saved (they take the manual-quote form), nor
 * can a line below every capable partner's minimum order value when the small-order surcharge is off; with
 * it on, the surcharge is part of the stored total and lifts the partner price (lib/small-orders).
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
  const { quote, settingsVersion, smallOrder } = await priceStoredPart(db, part, options, today);
  if (!quote.ok) throw new AppError("validation_failed", quote.error.message);
  if (quote.needsManualQuote)
    throw new AppError(
      "invalid_state_transition",
      `This part needs a quote from a person: ${quote.reasons.join(" ")} Use "Request a quote" instead.`,
    );
  const lifted = orderableTotals(quote, smallOrder);
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
      totalPriceCents: lifted.totalPriceCents,
      smallOrderSurchargeCents: lifted.smallOrderSurchargeCents,
      supplierUnitCostCents: quote.supplier.unitPriceCents,
      supplierTotalCostCents: lifted.supplierTotalCostCents,
      estimatedMachineHours: quote.estimatedMachineHours,
      breakdown: quote.breakdown as unknown as object,
      priceBreaks: quote.priceBreaks as unknown as object,
      warnings: quote.warnings,
      settingsVersion,
      validUntil: endOfDeadlineDay(quote.validUntil),
    },
  });
}
