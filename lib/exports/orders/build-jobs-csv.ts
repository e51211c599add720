import { stringify } from "csv-stringify/sync";
import type { OrderLineStatus } from "@/lib/db/generated/enums";
import { berlinDate } from "../dates/berlin-date";

/** One of a partner's jobs as the CSV reads it. */
export interface JobForCsv {
  orderNumber: string;
  partFileName: string;
  process: string;
  materialCode: string;
  finish: string;
  quantity: number;
  /** What the partner is paid for the line (its offer's price), in cents. */
  supplierTotalCents: number;
  status: OrderLineStatus;
  deliveryDate: Date;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

/**
 * A partner's jobs as CSV for their shop software, in the same form as the buyers' orders CSV (RFC 4180,
 * UTF-8 with BOM, dot decimals, ISO days): the partner's own price, never the buyer's.
 */
export function buildJobsCsv(jobs: readonly JobForCsv[]): string {
  const rows = jobs.map((job) => ({
    order_number: job.orderNumber,
    part_file: job.partFileName,
    process: job.process.toLowerCase(),
    material: job.materialCode,
    finish: job.finish,
    quantity: job.quantity,
    your_price: `${Math.trunc(job.supplierTotalCents / 100)}.${String(job.supplierTotalCents % 100).padStart(2, "0")}`,
    status: job.status.toLowerCase(),
    delivery_date: job.deliveryDate.toISOString().slice(0, 10),
    carrier: job.carrier ?? "",
    tracking_number: job.trackingNumber ?? "",
    shipped_on: job.shippedAt ? berlinDate(job.shippedAt) : "",
    delivered_on: job.deliveredAt ? berlinDate(job.deliveredAt) : "",
  }));
  const columns = [
    "order_number",
    "part_file",
    "process",
    "material",
    "finish",
    "quantity",
    "your_price",
    "status",
    "delivery_date",
    "carrier",
    "tracking_number",
    "shipped_on",
    "delivered_on",
  ];
  return `\uFEFF${stringify(rows, { header: true, columns, record_delimiter: "windows" })}`;
}
