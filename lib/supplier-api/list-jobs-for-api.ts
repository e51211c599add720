import type { Database } from "../db/prisma";
import { jobStatuses, nextSupplierSteps } from "../suppliers/job-statuses";
import { jobSummaryForApi, jobSummarySelect } from "./job-summary-for-api";
import { shipmentForApi } from "./shipment-for-api";
import type { ApiJob } from "./supplier-api-schemas";
import { afterCursorWhere, decodeCursor, pageOf, pageOrderBy } from "../public-api/paginate";

function jobSelect(companyId: string) {
  return {
    ...jobSummarySelect,
    status: true,
    createdAt: true,
    // The price it accepted (an accepted counteroffer's price is written onto its offer).
    offers: {
      where: { supplierCompanyId: companyId, status: "ACCEPTED" as const },
      orderBy: { createdAt: "desc" as const },
      take: 1,
      select: { supplierPriceCents: true, currency: true },
    },
    shipments: { orderBy: { shippedAt: "asc" as const } },
    qualityDocuments: {
      orderBy: { createdAt: "asc" as const },
      select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true },
    },
  };
}

type JobRow = Awaited<ReturnType<typeof loadJobRows>>[number];

function loadJobRows(db: Database, companyId: string, where: object, take?: number) {
  return db.orderLine.findMany({
    where: { AND: [{ supplierCompanyId: companyId, status: { in: [...jobStatuses] } }, where] },
    orderBy: pageOrderBy,
    take,
    select: jobSelect(companyId),
  });
}

/** One job in the API's shape (supplier-api-schemas.ts apiJobSchema). */
function jobForApi(line: JobRow): ApiJob {
  const offer = line.offers[0];
  const uploaded = new Set(line.qualityDocuments.map((document) => document.kind));
  const { jobId, ...summary } = jobSummaryForApi(line);
  return {
    jobId,
    // loadJobRows reads only these statuses.
    status: line.status as (typeof jobStatuses)[number],
    ...summary,
    priceCents: offer?.supplierPriceCents ?? null,
    currency: offer?.currency ?? null,
    shippedQuantity: line.shipments.reduce((sum, shipment) => sum + shipment.quantity, 0),
    shipments: line.shipments.map(shipmentForApi),
    qualityDocuments: line.qualityDocuments.map((document) => ({
      ...document,
      createdAt: document.createdAt.toISOString(),
    })),
    missingQualityDocuments: line.order.requiredQualityDocuments.filter((kind) => !uploaded.has(kind)),
    nextSteps: nextSupplierSteps(line.status),
  };
}

/**
 * A partner's jobs (the lines it accepted, from acceptance to delivery), newest first, a page at a time,
 * with their parcels, quality documents and the steps it may report next. `status` narrows it.
 */
export async function listJobsForApi(
  db: Database,
  companyId: string,
  query: { status?: (typeof jobStatuses)[number]; cursor?: string; limit: number },
) {
  const after = decodeCursor(query.cursor);
  const rows = await loadJobRows(
    db,
    companyId,
    { AND: [query.status ? { status: query.status } : {}, afterCursorWhere(after)] },
    query.limit + 1,
  );
  return pageOf(rows, query.limit, jobForApi);
}

/** One of the partner's jobs in the API's shape, or null when it has no such job. */
export async function findJobForApi(db: Database, companyId: string, jobId: string) {
  const [row] = await loadJobRows(db, companyId, { id: jobId }, 1);
  return row ? jobForApi(row) : null;
}
