import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

/**
 * One offer as its partner sees it: the job (part name, size, quantity, process, material, finish,
 * tolerance, delivery date) and its own price. Another company's offer does not exist for it (not_found).
 * The CAD file is not part of it: that comes only after acceptance (open-job-file.ts).
 */
export async function loadSupplierOffer(db: Database, companyId: string, offerId: string) {
  const offer = await db.offer.findFirst({
    where: { id: offerId, supplierCompanyId: companyId },
    select: {
      id: true,
      status: true,
      supplierPriceCents: true,
      currency: true,
      expiresAt: true,
      respondedAt: true,
      rejectReason: true,
      rejectNote: true,
      createdAt: true,
      orderLine: {
        select: {
          id: true,
          quantity: true,
          process: true,
          materialCode: true,
          finish: true,
          toleranceClass: true,
          deliveryDate: true,
          partSizeMm: true,
          estimatedMachineHours: true,
          supplierCompanyId: true,
          part: { select: { id: true, originalFileName: true, displayMeshKey: true, format: true } },
          order: { select: { number: true, requiredCertificates: true, requiredCountryCode: true } },
        },
      },
    },
  });
  if (!offer) throw new AppError("not_found", "There is no such offer for your company.");
  return offer;
}
