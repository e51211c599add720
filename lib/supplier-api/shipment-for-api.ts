import { trackingUrlFor } from "../shipments/carriers";

/** A parcel in the API's shape (supplier-api-schemas.ts), with the carrier's tracking link. */
export function shipmentForApi(shipment: {
  id: string;
  carrier: string;
  trackingNumber: string;
  quantity: number;
  shippedAt: Date;
}) {
  return {
    id: shipment.id,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: trackingUrlFor(shipment.carrier, shipment.trackingNumber),
    quantity: shipment.quantity,
    shippedAt: shipment.shippedAt.toISOString(),
  };
}
