import type { TransactionClient } from "../db/prisma";
import { emitWebhookEvent } from "./emit-webhook-event";

/** `shipment.sent` to the buyer: a parcel of an order line left the partner, with its carrier and tracking. */
export async function emitShipmentSent(
  tx: TransactionClient,
  shipment: { id: string; quantity: number; carrier: string; trackingNumber: string },
  line: { id: string; order: { id: string; number: string; buyerCompanyId: string } },
): Promise<void> {
  await emitWebhookEvent(tx, {
    companyId: line.order.buyerCompanyId,
    type: "shipment.sent",
    data: {
      orderId: line.order.id,
      orderNumber: line.order.number,
      orderLineId: line.id,
      shipmentId: shipment.id,
      quantity: shipment.quantity,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
    },
  });
}
