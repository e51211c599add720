import { getPrisma } from "@/lib/db/prisma";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { recordShipment } from "@/lib/shipments/record-shipment";
import { trackingUrlFor } from "@/lib/shipments/carriers";
import { shipJobOperation } from "@/lib/supplier-api/supplier-api-operations";

/** The partner ships a parcel of its job; the last parcel ships the job (decision 0043, 0060). */
export const POST = publicApiRoute(shipJobOperation, async ({ key, params, body }) => {
  const { shipment, shippedQuantity, complete } = await recordShipment(
    getPrisma(),
    { userId: key.createdByUserId, companyId: key.companyId },
    params.jobId,
    body,
  );
  return {
    status: 201,
    body: {
      shipment: {
        id: shipment.id,
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        trackingUrl: trackingUrlFor(shipment.carrier, shipment.trackingNumber),
        quantity: shipment.quantity,
        shippedAt: shipment.shippedAt.toISOString(),
      },
      shippedQuantity,
      complete,
    },
  };
});
