import type { Database } from "../db/prisma";
import { carrierName, trackingUrlFor } from "../shipments/carriers";

/**
 * The quality documents and parcels of an order's lines (or one line), for the page that already checked
 * who may see them: what the order asks for, what was uploaded, what is missing, and each parcel with its
 * carrier's tracking link.
 */
export async function loadLinesQuality(db: Database, where: { orderId: string } | { id: string }) {
  const lines = await db.orderLine.findMany({
    where,
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      quantity: true,
      part: { select: { originalFileName: true } },
      order: { select: { requiredQualityDocuments: true } },
      qualityDocuments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true },
      },
      shipments: {
        orderBy: { shippedAt: "asc" },
        select: { id: true, quantity: true, carrier: true, trackingNumber: true, shippedAt: true },
      },
    },
  });
  return lines.map((line) => {
    const uploaded = new Set(line.qualityDocuments.map((document) => document.kind));
    const shippedQuantity = line.shipments.reduce((sum, shipment) => sum + shipment.quantity, 0);
    return {
      orderLineId: line.id,
      fileName: line.part.originalFileName,
      quantity: line.quantity,
      required: line.order.requiredQualityDocuments,
      missing: line.order.requiredQualityDocuments.filter((kind) => !uploaded.has(kind)),
      documents: line.qualityDocuments,
      shippedQuantity,
      shipments: line.shipments.map((shipment) => ({
        ...shipment,
        carrierName: carrierName(shipment.carrier),
        trackingUrl: trackingUrlFor(shipment.carrier, shipment.trackingNumber),
      })),
    };
  });
}

export type LineQuality = Awaited<ReturnType<typeof loadLinesQuality>>[number];
