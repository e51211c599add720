import { isoDateOf } from "../db/iso-date-of";
import type { Prisma } from "../db/generated/client";
import type { Database, TransactionClient } from "../db/prisma";
import { quoteDay } from "../quotes/quote-day";
import { countryCentroids, locationOf } from "./distance-km";
import { loadMatchCandidates } from "./load-match-candidates";
import { loadMatchingContext, type MatchingContext } from "./matching-context";
import { withSheetMachines } from "./with-sheet-machines";
import { productionWindowOf, type LineToMatch } from "./rank-candidates";

export type LineWithBuyer = Prisma.OrderLineGetPayload<{
  include: { order: { include: { buyerCompany: true } } };
}>;

/** What of an order line, its order and its buyer the ranking reads (a LineWithBuyer has it all). */
export interface LineToLoad extends Pick<
  LineWithBuyer,
  | "id"
  | "process"
  | "materialCode"
  | "partSizeMm"
  | "estimatedMachineHours"
  | "deliveryDate"
  | "supplierTotalCents"
  | "totalPriceCents"
  | "remakeOfLineId"
> {
  /** The material's name for the refusal reasons people read; read from the catalogue when absent. */
  materialName?: string;
  order: Pick<LineWithBuyer["order"], "shippingAddress" | "requiredCertificates" | "requiredCountryCode"> & {
    buyerCompany: Pick<LineWithBuyer["order"]["buyerCompany"], "countryCode" | "latitude" | "longitude">;
  };
}

/**
 * What ranking one order line needs, for the matcher and for operations' re-offer alike: the current
 * matching settings (with the platform's closure days, which count like national holidays for the
 * production window and the offer deadline), the line as the rules see it (the buyer's location, or its
 * shipping country's centroid when it ships abroad; a remake the platform pays leaves out the supplier
 * whose parts it remakes), and every supplier offering the line's process. A line read with its context
 * (lockLineToMatch) saves reading the context again.
 */
export async function loadLineCandidates(
  db: Database | TransactionClient,
  line: LineToLoad & { context?: MatchingContext },
  now: Date,
) {
  const context = line.context ?? (await loadMatchingContext(db));
  const { settings, version } = context;
  const today = quoteDay(now);
  const shipping = line.order.shippingAddress as { countryCode?: string };
  const shippingCountry = shipping.countryCode ?? line.order.buyerCompany.countryCode;
  const lineToMatch: LineToMatch = {
    materialCode: line.materialCode,
    materialName:
      line.materialName ??
      (await db.material.findUnique({ where: { code: line.materialCode }, select: { name: true } }))?.name ??
      line.materialCode,
    partSizeMm: line.partSizeMm,
    estimatedMachineHours: line.estimatedMachineHours,
    deliveryDate: isoDateOf(line.deliveryDate),
    supplierTotalCents: line.supplierTotalCents,
    totalPriceCents: line.totalPriceCents,
    requiredCertificates: line.order.requiredCertificates,
    requiredCountryCode: line.order.requiredCountryCode,
    buyerLocation:
      shippingCountry === line.order.buyerCompany.countryCode
        ? locationOf(line.order.buyerCompany)
        : (countryCentroids[shippingCountry] ?? null),
    isRemake: line.remakeOfLineId !== null,
    excludedSupplierId: line.remakeOfLineId
      ? ((
          await db.orderLine.findUnique({
            where: { id: line.remakeOfLineId },
            select: { supplierCompanyId: true },
          })
        )?.supplierCompanyId ?? null)
      : null,
  };
  const { candidates, notOfferingProcess } = await loadMatchCandidates(db, {
    orderLineId: line.id,
    process: line.process,
    materialCode: line.materialCode,
    partSizeMm: line.partSizeMm,
    requiredCertificates: line.order.requiredCertificates,
    deliveryDate: lineToMatch.deliveryDate,
    today,
    closureDays: context.closureDays,
    supplierCount: context.supplierCount,
    ...productionWindowOf(lineToMatch.deliveryDate, settings, today),
  });
  // Issue 23: sheet lines are checked against the partners' lasers and press brakes.
  const sheet = await withSheetMachines(db, line, lineToMatch, candidates);
  return {
    settings,
    version,
    closureDays: context.closureDays,
    today,
    lineToMatch: sheet.lineToMatch,
    candidates: sheet.candidates,
    notOfferingProcess,
  };
}
