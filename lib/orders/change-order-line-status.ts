import type { OrderLineStatus } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { canMoveOrderLine } from "./order-status-machine";

export interface OrderLineStatusChange {
  orderLineId: string;
  to: OrderLineStatus;
  actorUserId?: string | null;
  note?: string;
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
 * Moves one order line to a new status through the status machine, in one transaction with its history
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
  if (!canMoveOrderLine(line.status, change.to)) {
    throw new AppError(
      "invalid_state_transition",
      `An order line that is ${line.status} cannot become ${change.to}.`,
      {
        from: line.status,
        to: change.to,
      },
    );
  }
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
