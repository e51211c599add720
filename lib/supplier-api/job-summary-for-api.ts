import type { Prisma } from "../db/generated/client";
import { supplierLineFields } from "../suppliers/supplier-line-fields";

/** What of an order line an offer's job and a job both show in the API: a Prisma `select` fragment. */
export const jobSummarySelect = {
  id: true,
  ...supplierLineFields,
  part: { select: { originalFileName: true } },
  order: { select: { number: true, requiredQualityDocuments: true, requiredCertificates: true } },
} as const;

type JobSummaryRow = Prisma.OrderLineGetPayload<{ select: typeof jobSummarySelect }>;

/**
 * The job's specification as the API shows it in an offer (`job`) and in the jobs list: the same fields in
 * the same order (supplier-api-schemas.ts), the delivery date as an ISO day.
 */
export function jobSummaryForApi(line: JobSummaryRow) {
  return {
    jobId: line.id,
    orderNumber: line.order.number,
    fileName: line.part.originalFileName,
    quantity: line.quantity,
    process: line.process,
    materialCode: line.materialCode,
    finish: line.finish,
    toleranceClass: line.toleranceClass,
    partSizeMm: line.partSizeMm,
    estimatedMachineHours: line.estimatedMachineHours,
    deliveryDate: line.deliveryDate.toISOString().slice(0, 10),
    requiredQualityDocuments: line.order.requiredQualityDocuments,
    requiredCertificates: line.order.requiredCertificates,
  };
}
