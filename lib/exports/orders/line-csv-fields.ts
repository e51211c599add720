import type { ManufacturingProcess, OrderLineStatus } from "@/lib/db/generated/enums";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import { berlinDate } from "../dates/berlin-date";

/**
 * What both line CSVs (the buyers' orders, the partners' jobs) read of an order line: what is made, its
 * state and its parcels. A Prisma `select` fragment; the loaders add their own fields.
 */
export const lineCsvSelect = {
  process: true,
  materialCode: true,
  quantity: true,
  status: true,
  deliveryDate: true,
  carrier: true,
  trackingNumber: true,
  shippedAt: true,
  deliveredAt: true,
  part: { select: { originalFileName: true } },
} as const;

/** The line's fields both CSVs write, as the builders take them. */
export interface LineCsvFields {
  partFileName: string;
  process: ManufacturingProcess;
  materialCode: string;
  /** The material's name as the catalogue shows it (the code when the material is gone). */
  materialName: string;
  quantity: number;
  status: OrderLineStatus;
  deliveryDate: Date;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

/** The delivery and parcel columns both CSVs end a line's part with, in this order. */
export const shippingColumns = ["delivery_date", "carrier", "tracking_number", "shipped_on", "delivered_on"];

/** The shippingColumns' cells of a line: the due day as an ISO date, parcels' days in Berlin time. */
export function shippingCells(line: LineCsvFields) {
  return {
    delivery_date: line.deliveryDate.toISOString().slice(0, 10),
    carrier: line.carrier ?? "",
    tracking_number: line.trackingNumber ?? "",
    shipped_on: line.shippedAt ? berlinDate(line.shippedAt) : "",
    delivered_on: line.deliveredAt ? berlinDate(line.deliveredAt) : "",
  };
}

/**
 * What is made, each code beside its name: machines read the codes, people the names (decision 0110).
 * The columns come in pairs, code first.
 */
export const madeColumns = ["process", "process_name", "material", "material_name"];

export function madeCells(line: LineCsvFields) {
  return {
    process: line.process.toLowerCase(),
    process_name: processLabel(line.process),
    material: line.materialCode,
    material_name: line.materialName,
  };
}
