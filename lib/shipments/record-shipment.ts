import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { refreshSupplierScore } from "../matching/refresh-supplier-score";
import { queueEmail } from "../notifications/queue-email";
import { moveOrderLine } from "../orders/change-order-line-status";
import { assertQualityDocumentsUploaded } from "../quality-documents/missing-quality-documents";
import { nextSupplierSteps } from "../suppliers/job-statuses";
import {
  carrierCodes,
  carrierName,
  normalizeTrackingNumber,
  trackingNumberProblem,
  trackingUrlFor,
} from "./carriers";
import { emitShipmentSent } from "../webhooks/emit-shipment-sent";

export const shipmentSchema = z
  .object({
    carrier: z.enum(carrierCodes, { error: "Choose the carrier from the list." }),
    trackingNumber: z
      .string({ error: "Enter the tracking number from the parcel's label." })
      .trim()
      .min(1, "Enter the tracking number from the parcel's label.")
      .max(60, "A tracking number has at most 40 letters and digits.")
      .regex(/^[A-Za-z0-9 -]+$/, "A tracking number has only letters, digits, spaces and dashes.")
      .transform(normalizeTrackingNumber),
    quantity: z.coerce
      .number({ error: "Enter how many parts are in this parcel." })
      .int("Enter a whole number of parts.")
      .min(1, "A parcel holds at least one part."),
  })
  .superRefine((shipment, ctx) => {
    const problem = trackingNumberProblem(shipment.carrier, shipment.trackingNumber);
    if (problem) ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: problem });
  });

export type ShipmentInput = z.input<typeof shipmentSchema>;

/** The job's parcels so far, oldest first, and how many parts they hold. */
export async function shippedQuantityOf(tx: TransactionClient, orderLineId: string) {
  const total = await tx.shipment.aggregate({ where: { orderLineId }, _sum: { quantity: true } });
  return total._sum.quantity ?? 0;
}

/**
 * A partner ships a parcel of its job: carrier, tracking number and how many parts it holds. The buyer
 * is e-mailed each parcel with its tracking link. Once the parcels hold the whole quantity the line moves
 * to SHIPPED through the order-line door (so delivery confirmation, the complaint window and the payout
 * start only then, as for one parcel); before, it stays in production or quality check. A job whose
 * order asks for quality documents ships nothing until they are uploaded.
 */
export async function recordShipment(
  db: Database,
  shipper: { userId: string; companyId: string },
  orderLineId: string,
  input: unknown,
  now = new Date(),
) {
  const shipment = shipmentSchema.parse(input);
  return db.$transaction(async (tx) => {
    // One parcel at a time per line, so two parcels recorded together cannot ship more than ordered.
    await tx.$queryRaw`SELECT id FROM "OrderLine" WHERE id = ${orderLineId} FOR UPDATE`;
    const line = await tx.orderLine.findFirst({
      where: { id: orderLineId, supplierCompanyId: shipper.companyId },
      include: { order: { include: { placedBy: { select: { email: true } } } }, part: true },
    });
    if (!line) throw new AppError("not_found", "There is no such job for your company.");
    if (!nextSupplierSteps(line.status).includes("SHIPPED"))
      throw new AppError(
        "invalid_state_transition",
        line.status === "ACCEPTED"
          ? "Mark the job in production before shipping parts of it."
          : "This job has shipped in full; to change anything about it, contact operations.",
      );
    await assertQualityDocumentsUploaded(tx, line.id);
    const shippedBefore = await shippedQuantityOf(tx, line.id);
    const left = line.quantity - shippedBefore;
    if (shipment.quantity > left)
      throw new AppError(
        "validation_failed",
        shippedBefore === 0
          ? `The job has ${line.quantity} parts; enter at most ${left}.`
          : `Only ${left} of the ${line.quantity} parts are left to ship; enter at most ${left}.`,
        { field: "quantity" },
      );
    // Each parcel has its own tracking number: the first parcel's number typed again (or a retry under a
    // new Idempotency-Key) would give the buyer two parcels behind one link.
    const sameParcel = await tx.shipment.findFirst({
      where: { orderLineId: line.id, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber },
      select: { quantity: true },
    });
    if (sameParcel)
      throw new AppError(
        "validation_failed",
        `A parcel of this job with ${sameParcel.quantity} parts already has the tracking number ${shipment.trackingNumber}: enter this parcel's own tracking number.`,
        { field: "trackingNumber" },
      );
    const created = await tx.shipment.create({
      data: { orderLineId: line.id, ...shipment, createdById: shipper.userId, shippedAt: now },
    });
    await emitShipmentSent(tx, created, line);
    const complete = shippedBefore + shipment.quantity === line.quantity;
    const name = carrierName(shipment.carrier);
    if (complete)
      await moveOrderLine(tx, {
        orderLineId: line.id,
        to: "SHIPPED",
        actorUserId: shipper.userId,
        note: `${name} ${shipment.trackingNumber}`,
        set: { carrier: name, trackingNumber: shipment.trackingNumber, shippedAt: now },
      });
    await recordAuditLog(tx, {
      actorUserId: shipper.userId,
      companyId: shipper.companyId,
      action: "job.shipment",
      entityType: "OrderLine",
      entityId: line.id,
      data: { shipmentId: created.id, ...shipment, complete },
    });
    const link = trackingUrlFor(shipment.carrier, shipment.trackingNumber);
    await queueEmail(tx, {
      to: line.order.placedBy.email,
      subject: `Order ${line.order.number}: ${shipment.quantity} × ${line.part.originalFileName} ${complete ? "shipped (last parcel)" : "shipped (partial delivery)"}`,
      text: [
        `${shipment.quantity} of ${line.quantity} × ${line.part.originalFileName} left the manufacturer today with ${name}, tracking number ${shipment.trackingNumber}.`,
        link ? `Track the parcel: ${link}` : "",
        complete
          ? "This completes the part's delivery."
          : `${left - shipment.quantity} more will follow in another parcel.`,
        `Your order: ${appUrl()}/orders/${line.orderId}`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    });
    if (complete) await refreshSupplierScore(tx, shipper.companyId, now);
    return { shipment: created, shippedQuantity: shippedBefore + shipment.quantity, complete };
  });
}
