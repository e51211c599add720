import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { createPayout, type CreatedPayout } from "../payouts/create-payout";
import { moveOrderLine } from "../orders/change-order-line-status";
import { moveOrder } from "../orders/move-order";

/** Who confirms: a user of the buyer's company, or the platform after the waiting period (null). */
export type DeliveryConfirmer = { userId: string; companyId: string } | null;

export const autoConfirmDeliveryAfterDays = 7;

/**
 * Confirms that a shipped line arrived: the line becomes DELIVERED, the supplier's self-billing invoice and
 * payout are created in the same transaction, and the order completes when no line is left open. Returns
 * the payout and whether its transfer may go now (the caller sends it after commit).
 */
export async function confirmDelivery(
  db: Database,
  confirmer: DeliveryConfirmer,
  orderLineId: string,
  now = new Date(),
): Promise<CreatedPayout> {
  return db.$transaction((tx) => confirmDeliveryInTransaction(tx, confirmer, orderLineId, now));
}

export async function confirmDeliveryInTransaction(
  tx: TransactionClient,
  confirmer: DeliveryConfirmer,
  orderLineId: string,
  now: Date,
): Promise<CreatedPayout> {
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
  const payout = await createPayout(tx, orderLineId, now);
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
