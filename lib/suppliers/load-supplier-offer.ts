import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { supplierLineFields } from "./supplier-line-fields";

/**
 * One offer as its supplier sees it: the job (part name, size, quantity, process, material, finish,
 * tolerance, delivery date), its 3D preview and its own price. Only while the offer is open (pending and
 * before its deadline), or once this supplier accepted it and still has the job: an offer it rejected,
 * that expired or that operations withdrew is lost, and the buyer's part is no longer any of its
 * business, so it does not exist for it (not_found), like another company's offer.
 * The CAD file is not part of it: that comes only after acceptance (open-job-file.ts).
 */
export async function loadSupplierOffer(db: Database, companyId: string, offerId: string, now = new Date()) {
  const offer = await db.offer.findFirst({
    where: {
      id: offerId,
      supplierCompanyId: companyId,
      OR: [
        { status: "PENDING", expiresAt: { gt: now } },
        // Countered and waiting for the buyer (docs/decisions/0039): the supplier still holds the job open.
        { status: "COUNTERED", counteroffer: { status: "AWAITING_BUYER" } },
        { status: "ACCEPTED", orderLine: { supplierCompanyId: companyId } },
      ],
    },
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
      counteroffer: {
        select: {
          status: true,
          offeredPriceCents: true,
          proposedPriceCents: true,
          offeredDeliveryDate: true,
          proposedDeliveryDate: true,
          decideBy: true,
          acceptedAutomatically: true,
          note: true,
        },
      },
      orderLine: {
        select: {
          id: true,
          ...supplierLineFields,
          supplierCompanyId: true,
          part: { select: { id: true, originalFileName: true, displayMeshKey: true, format: true } },
          order: {
            select: {
              number: true,
              requiredCertificates: true,
              requiredCountryCode: true,
              requiredQualityDocuments: true,
            },
          },
        },
      },
    },
  });
  if (!offer)
    throw new AppError(
      "not_found",
      "This offer is not open to your company: it was answered, withdrawn or has expired, or it was never yours.",
    );
  return offer;
}
