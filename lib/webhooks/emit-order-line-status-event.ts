import type { OrderLineStatus } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { emitWebhookEvent } from "./emit-webhook-event";

/**
 * The webhook events of an order line's move (called by moveOrderLine, the one door to its status):
 * `order_line.accepted` to the buyer when a partner accepts, `order_line.delivered` to the buyer and to the
 * partner. Other moves send nothing and cost no query.
 */
export async function emitOrderLineStatusEvent(
  tx: TransactionClient,
  orderLineId: string,
  to: OrderLineStatus,
): Promise<void> {
  if (to !== "ACCEPTED" && to !== "DELIVERED") return;
  const line = await tx.orderLine.findUniqueOrThrow({
    where: { id: orderLineId },
    select: {
      id: true,
      status: true,
      deliveryDate: true,
      deliveredAt: true,
      supplierCompanyId: true,
      order: { select: { id: true, number: true, buyerCompanyId: true } },
    },
  });
  if (to === "ACCEPTED") {
    await emitWebhookEvent(tx, {
      companyId: line.order.buyerCompanyId,
      type: "order_line.accepted",
      data: {
        orderId: line.order.id,
        orderNumber: line.order.number,
        orderLineId: line.id,
        status: line.status,
        deliveryDate: line.deliveryDate.toISOString().slice(0, 10),
      },
    });
    return;
  }
  const data = {
    orderId: line.order.id,
    orderLineId: line.id,
    status: line.status,
    deliveredAt: (line.deliveredAt ?? new Date()).toISOString(),
  };
  for (const companyId of [line.order.buyerCompanyId, line.supplierCompanyId])
    if (companyId) await emitWebhookEvent(tx, { companyId, type: "order_line.delivered", data });
}
