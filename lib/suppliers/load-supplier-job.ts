import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { findPartDrawing } from "./find-part-drawing";
import { jobStatuses } from "./job-statuses";
import { supplierLineFields } from "./supplier-line-fields";

/**
 * One accepted job of a supplier, with what it needs to make and ship it: the part, options, delivery date
 * and shipping address (the buyer's company name and address are needed to ship; nothing else of the
 * buyer). A line placed with another supplier, or not accepted, does not exist for it (not_found).
 */
export async function loadSupplierJob(db: Database, companyId: string, orderLineId: string) {
  const line = await db.orderLine.findFirst({
    where: { id: orderLineId, supplierCompanyId: companyId, status: { in: [...jobStatuses] } },
    select: {
      id: true,
      status: true,
      ...supplierLineFields,
      carrier: true,
      trackingNumber: true,
      shippedAt: true,
      deliveredAt: true,
      part: { select: { id: true, originalFileName: true, format: true, sizeBytes: true, storageKey: true } },
      order: { select: { number: true, shippingAddress: true, requiredQualityDocuments: true } },
      offers: {
        where: { supplierCompanyId: companyId, status: "ACCEPTED" },
        select: { id: true, supplierPriceCents: true, respondedAt: true },
      },
      statusChanges: {
        where: { toStatus: { in: [...jobStatuses] } },
        orderBy: { createdAt: "asc" },
        select: { toStatus: true, createdAt: true, note: true },
      },
    },
  });
  if (!line) throw new AppError("not_found", "There is no such job for your company.");
  const drawing = await findPartDrawing(db, line.part.id);
  // Only this supplier's part of the history: nothing about offers to, or work by, other suppliers.
  const acceptedAt = line.offers[0]?.respondedAt ?? new Date(0);
  const statusChanges = line.statusChanges.filter((change) => change.createdAt >= acceptedAt);
  return { ...line, statusChanges, drawing };
}
