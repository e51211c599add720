import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { releasePayout } from "../payouts/release-payout";
import { payoutDay } from "../payouts/payout-status-for-supplier";

/**
 * The buyer confirms a delivered line has "no complaint", giving up the rest of its complaint window: the
 * partner's payout that waited for the window gets its self-billing invoice and becomes due now
 * (docs/decisions/0031). Refused while a complaint about the line is open, and once the window has closed
 * (the payout is due already). Returns the payout released, if any.
 */
export async function confirmNoComplaint(
  db: Database,
  buyer: { userId: string; companyId: string },
  orderLineId: string,
  now = new Date(),
): Promise<{ payoutId: string | null }> {
  return db.$transaction(async (tx) => {
    const line = await tx.orderLine.findFirst({
      where: { id: orderLineId, order: { buyerCompanyId: buyer.companyId } },
      include: {
        complaints: { where: { status: "OPEN" }, select: { id: true } },
        payouts: { select: { id: true, status: true, dueAt: true } },
      },
    });
    if (!line) throw new AppError("not_found", "There is no such order line in your company.");
    if (line.status !== "DELIVERED")
      throw new AppError(
        "invalid_state_transition",
        "Confirm the delivery first: the complaint window opens when the parts have arrived.",
      );
    if (line.noComplaintConfirmedAt)
      throw new AppError(
        "invalid_state_transition",
        "You confirmed already that this part has no complaint.",
      );
    if (line.complaints.length > 0)
      throw new AppError(
        "invalid_state_transition",
        "A complaint about this part is open: operations decide it first.",
      );
    const payout = line.payouts[0];
    if (payout && payout.status !== "WAITING")
      throw new AppError(
        "invalid_state_transition",
        payout.dueAt && payout.dueAt <= now
          ? `The complaint window of this part closed on ${payoutDay(payout.dueAt)}; nothing to confirm.`
          : "This part's partner payout is not waiting for the complaint window any more.",
      );
    await tx.orderLine.update({ where: { id: line.id }, data: { noComplaintConfirmedAt: now } });
    await recordAuditLog(tx, {
      actorUserId: buyer.userId,
      companyId: buyer.companyId,
      action: "order-line.no-complaint-confirmed",
      entityType: "OrderLine",
      entityId: line.id,
      data: { payoutId: payout?.id ?? null, windowClosedEarlyFrom: payout?.dueAt?.toISOString() ?? null },
    });
    const released = payout ? await releasePayout(tx, payout.id, now, { early: true }) : null;
    return { payoutId: released?.payoutId ?? null };
  });
}
