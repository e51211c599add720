import type { z } from "zod";
import { engineProcessOf } from "../db/catalogue-codes";
import type { ManufacturingProcess } from "../db/generated/enums";
import { isoDateOf } from "../db/iso-date-of";
import { trackingUrlFor } from "../shipments/carriers";
import type { orderSchema, orderSummarySchema } from "./buyer-api-schemas";

/** What of an order the API reads: the order, its lines with part and shipments, its invoices. */
export const apiOrderInclude = {
  lines: {
    orderBy: { createdAt: "asc" as const },
    include: {
      part: { select: { originalFileName: true } },
      shipments: { orderBy: { shippedAt: "asc" as const } },
    },
  },
  invoices: { where: { kind: "BUYER_INVOICE" as const }, select: { number: true } },
};

interface OrderRow {
  id: string;
  number: string;
  status: z.infer<typeof orderSummarySchema>["status"];
  paymentMethod: z.infer<typeof orderSummarySchema>["paymentMethod"];
  currency: string;
  subtotalCents: number;
  vatCents: number;
  totalCents: number;
  purchaseOrderNumber: string | null;
  paymentReference: string | null;
  createdAt: Date;
  invoices: { number: string }[];
  lines: {
    id: string;
    partId: string;
    status: z.infer<typeof orderSummarySchema>["lines"][number]["status"];
    process: ManufacturingProcess;
    materialCode: string;
    quantity: number;
    totalPriceCents: number;
    deliveryDate: Date;
    shippedAt: Date | null;
    deliveredAt: Date | null;
    part: { originalFileName: string };
    shipments: { carrier: string; trackingNumber: string; quantity: number; shippedAt: Date }[];
  }[];
}

/** An order for the list: status, totals and each line's status and tracking. */
export function toApiOrderSummary(order: OrderRow): z.infer<typeof orderSummarySchema> {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    vatCents: order.vatCents,
    totalCents: order.totalCents,
    purchaseOrderNumber: order.purchaseOrderNumber,
    createdAt: order.createdAt.toISOString(),
    lines: order.lines.map((line) => ({
      id: line.id,
      partId: line.partId,
      fileName: line.part.originalFileName,
      status: line.status,
      process: engineProcessOf(line.process),
      materialCode: line.materialCode,
      quantity: line.quantity,
      totalPriceCents: line.totalPriceCents,
      deliveryDate: isoDateOf(line.deliveryDate),
      shippedAt: line.shippedAt?.toISOString() ?? null,
      deliveredAt: line.deliveredAt?.toISOString() ?? null,
      shipments: line.shipments.map((shipment) => ({
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        trackingUrl: trackingUrlFor(shipment.carrier, shipment.trackingNumber),
        quantity: shipment.quantity,
        shippedAt: shipment.shippedAt.toISOString(),
      })),
    })),
  };
}

/** One order with its payment reference and the documents it has. */
export function toApiOrder(order: OrderRow): z.infer<typeof orderSchema> {
  const documentUrl = (name: string) => `/api/v1/orders/${order.id}/documents/${name}`;
  const documents = [
    "confirmation.pdf",
    ...(order.invoices.length > 0 ? ["invoice.pdf"] : []),
    ...(order.paymentMethod === "BANK_TRANSFER" ? ["pro-forma.pdf"] : []),
  ].map((name) => ({ name, url: documentUrl(name) }));
  return { ...toApiOrderSummary(order), paymentReference: order.paymentReference, documents };
}
