import type { OrderLineStatus } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { orderLineTransitions } from "./order-line-transitions";
import { releaseLineCapacity } from "../matching/release-line-capacity";
import { emitOrderLineStatusEvent } from "../webhooks/emit-order-line-status-event";

export interface OrderLineStatusChange {
  orderLineId: string;
  to: OrderLineStatus;
  actorUserId?: string | null;
  note?: string;
  /** False for lines that move with their order (a declined order's lines), whose history tells it. */
  recordHistory?: boolean;
  /** Fields that change with the status, e.g. carrier and tracking number when shipping. */
  set?: {
    carrier?: string;
    trackingNumber?: string;
    shippedAt?: Date;
    deliveredAt?: Date;
    supplierCompanyId?: string | null;
  };
}

/**
 * The one door to an order line's status: moves it through its transition table (order-line-transitions.ts), in one transaction with its history
 * row and audit-log entry. The update is conditional on the status read, so of two concurrent changes
 * from the same status exactly one wins; the other gets `invalid_state_transition`.
 */
export async function changeOrderLineStatus(db: Database, change: OrderLineStatusChange) {
  return db.$transaction((tx) => moveOrderLine(tx, change));
}

/** `changeOrderLineStatus` inside a transaction the caller holds, which commits the move with its own work. */
export async function moveOrderLine(tx: TransactionClient, change: OrderLineStatusChange) {
  const line = await tx.orderLine.findUnique({
    where: { id: change.orderLineId },
    select: { id: true, orderId: true, status: true },
  });
  if (!line) throw new AppError("not_found", `No order line ${change.orderLineId}.`);
  orderLineTransitions.assertMove(line.status, change.to);
  const updated = await tx.orderLine.updateMany({
    where: { id: line.id, status: line.status },
    data: { status: change.to, ...change.set },
  });
  if (updated.count !== 1) {
    throw new AppError(
      "invalid_state_transition",
      "The order line changed at the same moment; reload and try again.",
    );
  }
  await releaseLineCapacity(tx, line.id, change.to);
  await emitOrderLineStatusEvent(tx, line.id, change.to);
  if (change.recordHistory === false) return { from: line.status, to: change.to };
  await tx.orderStatusChange.create({
    data: {
      orderId: line.orderId,
      orderLineId: line.id,
      fromStatus: line.status,
      toStatus: change.to,
      actorUserId: change.actorUserId ?? null,
      note: change.note ?? null,
    },
  });
  await recordAuditLog(tx, {
    actorUserId: change.actorUserId,
    action: "order-line.status",
    entityType: "OrderLine",
    entityId: line.id,
    data: { from: line.status, to: change.to },
  });
  return { from: line.status, to: change.to };
}
