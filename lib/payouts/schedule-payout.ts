import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { formatEuros } from "../money/format-euros";
import { vatCents } from "../money/vat-cents";
import { vatForSupplierSupply } from "../money/vat-for-supplier-supply";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { complaintWindowEnd, loadComplaintWindow } from "./complaint-window";
import { payoutMethodFor } from "./payout-method-for";
import { payoutDay } from "./payout-status-for-supplier";
import { payoutTransitions } from "./payout-transitions";

/** The payout a confirmed delivery created; none for a line the supplier made again at its own cost. */
export type ScheduledPayout = { payoutId: string; dueAt: Date } | { payoutId: null; dueAt: null };

/**
 * At delivery: the supplier's payout for the line, WAITING until the buyer's complaint window closes
 * (`dueAt`, the window of the current settings; docs/decisions/0031). Nothing is invoiced or paid yet: the
 * self-billing invoice and the transfer follow when the window closes (lib/payouts/release-payout.ts, the
 * `payouts.release-due` job sent here to start then) or when the buyer confirms "no complaint". The amount
 * shown meanwhile is the one the invoice will carry; the supplier is told when it is due. Once per line.
 */
export async function schedulePayout(
  tx: TransactionClient,
  orderLineId: string,
  now: Date,
): Promise<ScheduledPayout> {
  const existing = await tx.payout.findUnique({ where: { orderLineId } });
  if (existing) return { payoutId: existing.id, dueAt: existing.dueAt ?? now };
  const line = await tx.orderLine.findUniqueOrThrow({
    where: { id: orderLineId },
    include: { order: { select: { id: true, number: true } }, supplierCompany: true },
  });
  const supplier = line.supplierCompany;
  if (!supplier) throw new Error(`Order line ${orderLineId} has no partner to pay.`);
  const offer = await tx.offer.findFirstOrThrow({
    where: { orderLineId, supplierCompanyId: supplier.id, status: "ACCEPTED" },
  });
  // A remake at the supplier's own cost (lib/workflows/record-remake.ts): nothing to invoice or pay.
  if (line.remakeOfLineId !== null && offer.supplierPriceCents === 0) return { payoutId: null, dueAt: null };
  const { days } = await loadComplaintWindow(tx);
  const dueAt = complaintWindowEnd(now, days);
  const netCents = offer.supplierPriceCents;
  const grossCents = netCents + vatCents(netCents, vatForSupplierSupply(supplier.countryCode).percent);
  const payout = await tx.payout.create({
    data: {
      supplierCompanyId: supplier.id,
      orderId: line.order.id,
      orderLineId,
      status: payoutTransitions.enter("WAITING"),
      dueAt,
      method: payoutMethodFor(supplier) ?? "MANUAL_TRANSFER",
      amountCents: grossCents,
      currency: offer.currency,
      transferGroup: `order_${line.order.id}`,
      idempotencyKey: `payout-${orderLineId}`,
    },
  });
  await recordAuditLog(tx, {
    action: "payout.scheduled",
    companyId: supplier.id,
    entityType: "Payout",
    entityId: payout.id,
    data: { orderLineId, amountCents: grossCents, dueAt: dueAt.toISOString(), complaintWindowDays: days },
  });
  await queueCompanyEmail(tx, supplier.id, {
    subject: `Delivery confirmed on order ${line.order.number}: payout due on ${payoutDay(dueAt)}`,
    text: [
      `Delivery of your job on order ${line.order.number} is confirmed. Your payout of ${formatEuros(grossCents)} is due on ${payoutDay(dueAt)} after the complaint window: the buyer may complain for ${days} days after delivery.`,
      "When the window closes (or sooner, if the buyer confirms there is no complaint) we issue the self-billing invoice and pay it. Nothing has been paid yet.",
      `${appUrl()}/supplier/payouts`,
    ].join("\n\n"),
  });
  // Released when due; the hourly sweep of the same job catches one whose start was lost.
  await enqueueJobs(tx, [
    followUpJob(
      "payouts.release-due",
      { payoutId: payout.id },
      { singletonKey: payout.id, startAfter: dueAt },
    ),
  ]);
  return { payoutId: payout.id, dueAt };
}
