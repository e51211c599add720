import type { OfferStatus } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { jobSummaryForApi, jobSummarySelect } from "./job-summary-for-api";
import type { ApiOffer } from "./supplier-api-schemas";
import { afterCursorWhere, decodeCursor, pageOf, pageOrderBy } from "../public-api/paginate";

/** How far back the list reaches, as the portal's inbox: older answers are history, jobs stay in /jobs. */
const offerHistoryDays = 30;

export const offerForApiSelect = {
  id: true,
  status: true,
  supplierPriceCents: true,
  currency: true,
  createdAt: true,
  expiresAt: true,
  respondedAt: true,
  rejectReason: true,
  counteroffer: {
    select: { status: true, proposedPriceCents: true, proposedDeliveryDate: true, decideBy: true },
  },
  orderLine: {
    select: jobSummarySelect,
  },
} as const;

type OfferRow = NonNullable<Awaited<ReturnType<typeof loadOfferRows>>>[number];

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** One offer in the API's shape (supplier-api-schemas.ts apiOfferSchema). */
export function offerForApi(offer: OfferRow): ApiOffer {
  const line = offer.orderLine;
  return {
    id: offer.id,
    status: offer.status,
    priceCents: offer.supplierPriceCents,
    currency: offer.currency,
    createdAt: offer.createdAt.toISOString(),
    expiresAt: offer.expiresAt.toISOString(),
    respondedAt: offer.respondedAt?.toISOString() ?? null,
    rejectReason: offer.rejectReason,
    counteroffer: offer.counteroffer && {
      status: offer.counteroffer.status,
      proposedPriceCents: offer.counteroffer.proposedPriceCents,
      proposedDeliveryDate: isoDay(offer.counteroffer.proposedDeliveryDate),
      decideBy: offer.counteroffer.decideBy?.toISOString() ?? null,
    },
    job: jobSummaryForApi(line),
  };
}

function loadOfferRows(db: Database, where: object, take?: number) {
  return db.offer.findMany({
    where,
    orderBy: pageOrderBy,
    take,
    select: offerForApiSelect,
  });
}

/**
 * A partner's offers for its own systems, newest first, a page at a time: the open ones and those of the
 * last 30 days (the portal's inbox), only its own and only its own price. The CAD file is not in it: that
 * comes with the job once accepted. `status` narrows it (e.g. PENDING: what to answer now).
 */
export async function listOffersForApi(
  db: Database,
  companyId: string,
  query: { status?: OfferStatus; cursor?: string; limit: number },
  now = new Date(),
) {
  const after = decodeCursor(query.cursor);
  const where = {
    AND: [
      { supplierCompanyId: companyId },
      query.status ? { status: query.status } : {},
      {
        OR: [
          { status: "PENDING" as const },
          { createdAt: { gte: new Date(now.getTime() - offerHistoryDays * 86_400_000) } },
        ],
      },
      afterCursorWhere(after),
    ],
  };
  const rows = await loadOfferRows(db, where, query.limit + 1);
  return pageOf(rows, query.limit, offerForApi);
}

/** One of the partner's own offers in the API's shape, or null when it has none by that id. */
export async function findOfferForApi(db: Database, companyId: string, offerId: string) {
  const [row] = await loadOfferRows(db, { id: offerId, supplierCompanyId: companyId }, 1);
  return row ? offerForApi(row) : null;
}
