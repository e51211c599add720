import type { OrderStatus } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { orderTransitions } from "./order-transitions";

export interface OrderStatusChangeRequest {
  orderId: string;
  to: OrderStatus;
  /** The status the caller decided on; any other refuses with `conflict` (someone else moved it first). */
  from?: OrderStatus;
  actorUserId?: string | null;
  note?: string;
  /** False when the caller writes the history rows itself (an approval reads as "approved"). */
  recordHistory?: boolean;
  set?: { confirmedAt?: Date | null; cancelledAt?: Date | null; approvedById?: string | null };
}

/**
 * The one door to an order's status: moves it through its transition table (order-transitions.ts) inside the caller's transaction, with its
 * history row. Conditional on the status read, so of two concurrent moves from one status only one wins.
 * Returns false, changing nothing, when the order is already in the target status (a repeated webhook).
 */
export async function moveOrder(tx: TransactionClient, change: OrderStatusChangeRequest): Promise<boolean> {
  const order = await tx.order.findUnique({ where: { id: change.orderId }, select: { status: true } });
  if (!order) throw new AppError("not_found", `No order ${change.orderId}.`);
  if (change.from !== undefined && order.status !== change.from)
    throw new AppError("conflict", "The order changed at the same moment; reload it.");
  if (order.status === change.to) return false;
  orderTransitions.assertMove(order.status, change.to);
  const moved = await tx.order.updateMany({
    where: { id: change.orderId, status: order.status },
    data: { status: change.to, ...change.set },
  });
  if (moved.count !== 1)
    throw new AppError(
      "invalid_state_transition",
      "The order changed at the same moment; reload and try again.",
    );
  if (change.recordHistory === false) return true;
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
