import { getPrisma } from "@/lib/db/prisma";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { recordShipment } from "@/lib/shipments/record-shipment";
import { shipmentForApi } from "@/lib/supplier-api/shipment-for-api";
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
      shipment: shipmentForApi(shipment),
      shippedQuantity,
      complete,
    },
  };
});
