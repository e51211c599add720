import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { refreshSupplierScore } from "../matching/refresh-supplier-score";
import { queueEmail } from "../notifications/queue-email";
import { moveOrderLine } from "../orders/change-order-line-status";
import { nextSupplierSteps, openJobStatuses } from "./job-statuses";
import { assertQualityDocumentsUploaded } from "../quality-documents/missing-quality-documents";
import { shippedQuantityOf } from "../shipments/record-shipment";
import { emitShipmentSent } from "../webhooks/emit-shipment-sent";

export interface JobUpdater {
  userId: string;
  companyId: string;
}

/** The steps a supplier reports (job-statuses.ts supplierSteps); delivery is confirmed by the buyer. */
export const jobStepSchema = z.discriminatedUnion("to", [
  z.object({ to: z.literal("IN_PRODUCTION") }),
  z.object({ to: z.literal("QUALITY_CHECK") }),
  z.object({
    to: z.literal("SHIPPED"),
    carrier: z
      .string({ error: "Enter the carrier, e.g. DHL or UPS." })
      .trim()
      .min(2, "Enter the carrier, e.g. DHL or UPS.")
      .max(60),
    trackingNumber: z
      .string({ error: "Enter the tracking number the carrier gave you." })
      .trim()
      .min(4, "Enter the tracking number the carrier gave you.")
      .max(60)
      .regex(/^[A-Za-z0-9 -]+$/, "A tracking number has only letters, digits, spaces and dashes."),
  }),
]);

export type JobStep = z.input<typeof jobStepSchema>;

/**
 * A supplier reports progress on its own job: in production, quality check, shipped (with carrier and
 * tracking number). The move goes through the order-line status machine with its history, so the
 * buyer's timeline follows; shipping e-mails the buyer and updates the supplier's on-time record.
 */
export async function updateJobStatus(
  db: Database,
  updater: JobUpdater,
  orderLineId: string,
  input: unknown,
) {
  const step = jobStepSchema.parse(input);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const line = await tx.orderLine.findFirst({
      where: { id: orderLineId, supplierCompanyId: updater.companyId },
      include: { order: { include: { placedBy: { select: { email: true } } } }, part: true },
    });
    if (!line) throw new AppError("not_found", "There is no such job for your company.");
    if (!nextSupplierSteps(line.status).includes(step.to))
      throw new AppError(
        "invalid_state_transition",
        openJobStatuses.includes(line.status as (typeof openJobStatuses)[number])
          ? `A job that is ${line.status.toLowerCase().replaceAll("_", " ")} cannot be marked ${step.to.toLowerCase().replaceAll("_", " ")}; reload the page.`
          : "This job has shipped; to change anything about it, contact operations.",
      );
    if (step.to === "SHIPPED") {
      // Shipping the whole job at once: the rest of its parts in one parcel (lib/shipments for parcels).
      await assertQualityDocumentsUploaded(tx, line.id);
      const left = line.quantity - (await shippedQuantityOf(tx, line.id));
      const shipment = await tx.shipment.create({
        data: {
          orderLineId: line.id,
          quantity: left,
          carrier: step.carrier,
          trackingNumber: step.trackingNumber,
          createdById: updater.userId,
          shippedAt: now,
        },
      });
      await emitShipmentSent(tx, shipment, line);
    }
    await moveOrderLine(tx, {
      orderLineId,
      to: step.to,
      actorUserId: updater.userId,
      note: step.to === "SHIPPED" ? `${step.carrier} ${step.trackingNumber}` : undefined,
      set:
        step.to === "SHIPPED"
          ? { carrier: step.carrier, trackingNumber: step.trackingNumber, shippedAt: now }
          : {},
    });
    await recordAuditLog(tx, {
      actorUserId: updater.userId,
      companyId: updater.companyId,
      action: "job.status",
      entityType: "OrderLine",
      entityId: orderLineId,
      data: { to: step.to },
    });
    if (step.to === "SHIPPED")
      await queueEmail(tx, {
        to: line.order.placedBy.email,
        subject: `Order ${line.order.number}: ${line.part.originalFileName} has shipped`,
        text: `${line.quantity} × ${line.part.originalFileName} left the manufacturer today with ${step.carrier}, tracking number ${step.trackingNumber}.\n\n${appUrl()}/orders/${line.orderId}`,
      });
    if (step.to === "SHIPPED") await refreshSupplierScore(tx, updater.companyId, now);
    return step.to;
  });
}
