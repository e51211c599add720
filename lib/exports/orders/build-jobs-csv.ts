import { csvText, eurosCell } from "./csv-text";
import { finishLabel } from "@/lib/catalogue/catalogue-labels";
import { lineStatusLabels } from "@/lib/orders/line-status-labels";
import * as lineCsv from "./line-csv-fields";

/** One of a partner's jobs as the CSV reads it. */
export interface JobForCsv extends lineCsv.LineCsvFields {
  orderNumber: string;
  finish: string;
  /** What the partner is paid for the line (its accepted offer's price, supplierPriceCentsOf), in cents. */
  supplierPriceCents: number;
}

const columns = [
  "order_number",
  "part_file",
  ...lineCsv.madeColumns,
  "finish",
  "finish_name",
  "quantity",
  "your_price",
  "status",
  "status_name",
  ...lineCsv.shippingColumns,
];

/**
 * A partner's jobs as CSV for their shop software, in the same form as the buyers' orders CSV (RFC 4180,
 * UTF-8 with BOM, dot decimals, ISO days, codes with their names beside them): the partner's own price,
 * never the buyer's.
 */
export function buildJobsCsv(jobs: readonly JobForCsv[]): string {
  const rows = jobs.map((job) => ({
    order_number: job.orderNumber,
    part_file: job.partFileName,
    ...lineCsv.madeCells(job),
    finish: job.finish,
    finish_name: finishLabel(job.finish),
    quantity: job.quantity,
    your_price: eurosCell(job.supplierPriceCents),
    status: job.status.toLowerCase(),
    status_name: lineStatusLabels[job.status],
    ...lineCsv.shippingCells(job),
  }));
  return csvText(rows, columns);
}
