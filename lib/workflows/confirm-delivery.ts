import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { schedulePayout, type ScheduledPayout } from "../payouts/schedule-payout";
import { moveOrderLine } from "../orders/change-order-line-status";
import { moveOrder } from "../orders/move-order";

/** Who confirms: a user of the buyer's company, or the platform after the waiting period (null). */
export type DeliveryConfirmer = { userId: string; companyId: string } | null;

export const autoConfirmDeliveryAfterDays = 7;

/**
 * Confirms that a shipped line arrived: the line becomes DELIVERED, the buyer's complaint window opens and
 * the supplier's payout is created in the same transaction, waiting for the window to close
 * (lib/payouts/schedule-payout.ts: no self-billing invoice, no transfer yet; docs/decisions/0031), and the
 * order completes when no line is left open. Returns the payout and when it becomes due.
 */
export async function confirmDelivery(
  db: Database,
  confirmer: DeliveryConfirmer,
  orderLineId: string,
  now = new Date(),
): Promise<ScheduledPayout> {
  return db.$transaction((tx) => confirmDeliveryInTransaction(tx, confirmer, orderLineId, now));
}

export async function confirmDeliveryInTransaction(
  tx: TransactionClient,
  confirmer: DeliveryConfirmer,
  orderLineId: string,
  now: Date,
): Promise<ScheduledPayout> {
  const line = await tx.orderLine.findFirst({
    where: { id: orderLineId, ...(confirmer && { order: { buyerCompanyId: confirmer.companyId } }) },
    select: { id: true, orderId: true, status: true },
  });
  if (!line) throw new AppError("not_found", "There is no such order line in your company.");
  if (line.status !== "SHIPPED")
    throw new AppError(
      "invalid_state_transition",
      line.status === "DELIVERED"
        ? "This part's delivery is confirmed already."
        : "Delivery can be confirmed once the partner has shipped the part.",
    );
  await moveOrderLine(tx, {
    orderLineId,
    to: "DELIVERED",
    actorUserId: confirmer?.userId ?? null,
    note: confirmer
      ? "Delivery confirmed by the buyer"
      : `Delivery confirmed automatically ${autoConfirmDeliveryAfterDays} days after shipping`,
    set: { deliveredAt: now },
  });
  const payout = await schedulePayout(tx, orderLineId, now);
  const open = await tx.orderLine.count({
    where: { orderId: line.orderId, status: { notIn: ["DELIVERED", "CANCELLED"] } },
  });
  if (open === 0) {
    const order = await tx.order.findUniqueOrThrow({ where: { id: line.orderId }, select: { status: true } });
    if (order.status === "IN_PROGRESS")
      await moveOrder(tx, { orderId: line.orderId, to: "COMPLETED", actorUserId: confirmer?.userId ?? null });
  }
  await recordAuditLog(tx, {
    actorUserId: confirmer?.userId ?? null,
    companyId: confirmer?.companyId ?? null,
    action: "order-line.delivery-confirmed",
    entityType: "OrderLine",
    entityId: orderLineId,
    data: { automatic: confirmer === null },
  });
  return payout;
}
