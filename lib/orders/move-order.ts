import type { OrderStatus } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { canMoveOrder } from "./order-status-machine";

export interface OrderStatusChangeRequest {
  orderId: string;
  to: OrderStatus;
  actorUserId?: string | null;
  note?: string;
  set?: { confirmedAt?: Date; cancelledAt?: Date };
}

/**
 * Moves an order to a new status through the status machine inside the caller's transaction, with its
 * history row. Conditional on the status read, so of two concurrent moves from one status only one wins.
 * Returns false, changing nothing, when the order is already in the target status (a repeated webhook).
 */
export async function moveOrder(tx: TransactionClient, change: OrderStatusChangeRequest): Promise<boolean> {
  const order = await tx.order.findUnique({ where: { id: change.orderId }, select: { status: true } });
  if (!order) throw new AppError("not_found", `No order ${change.orderId}.`);
  if (order.status === change.to) return false;
  if (!canMoveOrder(order.status, change.to))
    throw new AppError(
      "invalid_state_transition",
      `An order that is ${order.status} cannot become ${change.to}.`,
      {
        from: order.status,
        to: change.to,
      },
    );
  const moved = await tx.order.updateMany({
    where: { id: change.orderId, status: order.status },
    data: { status: change.to, ...change.set },
  });
  if (moved.count !== 1)
    throw new AppError(
      "invalid_state_transition",
      "The order changed at the same moment; reload and try again.",
    );
  await tx.orderStatusChange.create({
    data: {
      orderId: change.orderId,
      fromStatus: order.status,
      toStatus: change.to,
      actorUserId: change.actorUserId ?? null,
      note: change.note ?? null,
    },
  });
  return true;
}
