import { z } from "zod";
import { isIsoDate, isWorkingDay } from "../../quoting-engine/pricing/working-days";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { processLabels } from "../catalogue/process-labels";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { lockAndReplanCapacity } from "../matching/match-order-line";
import { loadMatchingSettings } from "../matching/matching-settings";
import { loadPlatformHolidayCalendar } from "../pricing/load-platform-holiday-calendar";
import { productionWindowOf } from "../matching/rank-candidates";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { queueEmail } from "../notifications/queue-email";
import { quoteDay } from "../quotes/quote-day";
import { moveOrder } from "./move-order";

const remakeSchema = z.object({
  reason: z
    .string({ error: "Say why the parts are made again." })
    .trim()
    .min(5, "Say in a few words why the parts are made again.")
    .max(1000, "Keep the reason under 1000 characters."),
  deliveryDate: z
    .string({ error: "Enter the new delivery date." })
    .trim()
    .refine(isIsoDate, "Enter the new delivery date as a date."),
  /** Empty for the whole quantity. */
  quantity: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number({ error: "Enter how many parts are made again." })
      .int("Enter a whole number of parts.")
      .min(1, "At least one part is made again.")
      .optional(),
  ),
});

export type RemakeInput = z.input<typeof remakeSchema>;

export interface RecordedRemake {
  orderLineId: string;
  orderId: string;
  /** Whether the partner's hours could be reserved (it has a weekly capacity and room before the date). */
  capacityReserved: boolean;
}

/**
 * Operations record that the parts of a shipped or delivered line are made again (typically after an
 * upheld complaint), by the same partner at its own cost: a new line in the same order, linked to the
 * original (`remakeOfLineId`, `remakeReason`), with the same part, quote, process and material, the same
 * or a smaller quantity, a new delivery date (a future working day), no price for the buyer (who paid
 * already) and none for the partner. The line is ACCEPTED by the partner at once, with an accepted offer
 * of 0 € so the partner's portal shows the job, and the partner's hours are reserved when its capacity
 * is on file and has room. A completed order is in progress again. Buyer and partner are told by e-mail.
 * Confirming the remake's delivery creates no payout (create-payout.ts): there is nothing to pay.
 */
export async function recordRemake(
  db: Database,
  operator: { userId: string },
  orderLineId: string,
  input: unknown,
  now: Date = new Date(),
): Promise<RecordedRemake> {
  const remake = remakeSchema.parse(input);
  const today = quoteDay(now);
  if (remake.deliveryDate <= today)
    throw new AppError("bad_request", "The new delivery date must be a working day after today.", {
      field: "deliveryDate",
    });
  return db.$transaction(
    async (tx) => {
      // Working days by the platform's calendar: national holidays and its closure days.
      const holidays = await loadPlatformHolidayCalendar(tx);
      if (!isWorkingDay(remake.deliveryDate, holidays))
        throw new AppError("bad_request", "The new delivery date must be a working day after today.", {
          field: "deliveryDate",
        });
      await tx.$queryRaw`SELECT 1 FROM "OrderLine" WHERE "id" = ${orderLineId} FOR UPDATE`;
      const original = await tx.orderLine.findUnique({
        where: { id: orderLineId },
        include: {
          order: { include: { placedBy: { select: { email: true } } } },
          part: { select: { originalFileName: true } },
          supplierCompany: { select: { id: true, name: true } },
        },
      });
      if (!original) throw new AppError("not_found", "There is no such order line.");
      if (original.status !== "SHIPPED" && original.status !== "DELIVERED")
        throw new AppError(
          "invalid_state_transition",
          "A remake is recorded for parts that have shipped or been delivered.",
        );
      const partner = original.supplierCompany;
      if (!partner) throw new AppError("invalid_state_transition", "This line has no partner to remake it.");
      if (original.order.status === "CANCELLED")
        throw new AppError("invalid_state_transition", "This order is cancelled.");
      const quantity = remake.quantity ?? original.quantity;
      if (quantity > original.quantity)
        throw new AppError(
          "bad_request",
          `At most the ${original.quantity} parts of the line are made again.`,
          {
            field: "quantity",
          },
        );

      const deliveryDate = new Date(`${remake.deliveryDate}T00:00:00Z`);
      const estimatedMachineHours = (original.estimatedMachineHours * quantity) / original.quantity;
      const line = await tx.orderLine.create({
        data: {
          orderId: original.orderId,
          partId: original.partId,
          quoteId: original.quoteId,
          supplierCompanyId: partner.id,
          status: "ACCEPTED",
          process: original.process,
          materialCode: original.materialCode,
          finish: original.finish,
          toleranceClass: original.toleranceClass,
          quantity,
          unitPriceCents: 0,
          totalPriceCents: 0,
          supplierTotalCents: 0,
          currency: original.currency,
          estimatedMachineHours,
          partSizeMm: original.partSizeMm,
          deliveryDate,
          remakeOfLineId: original.id,
          remakeReason: remake.reason,
          createdAt: now,
        },
      });
      await tx.orderStatusChange.create({
        data: {
          orderId: original.orderId,
          orderLineId: line.id,
          fromStatus: null,
          toStatus: "ACCEPTED",
          actorUserId: operator.userId,
          note: `Remake of ${quantity} × ${original.part.originalFileName} by ${partner.name} at its own cost: ${remake.reason}`,
          createdAt: now,
        },
      });
      // The partner agreed to remake the parts: an accepted offer of 0 € shows the job in its portal.
      const offer = await tx.offer.create({
        data: {
          orderLineId: line.id,
          supplierCompanyId: partner.id,
          status: "ACCEPTED",
          supplierPriceCents: 0,
          currency: original.currency,
          rank: 1,
          score: 0,
          expiresAt: now,
          respondedAt: now,
          offeredById: operator.userId,
          createdAt: now,
        },
      });

      const { settings } = await loadMatchingSettings(tx);
      const window = productionWindowOf(remake.deliveryDate, { ...settings, holidays }, today);
      const allocations =
        window.lastDay >= window.firstDay
          ? await lockAndReplanCapacity(tx, original.process, { companyId: partner.id }, line, window)
          : null;
      if (allocations)
        await tx.capacityReservation.createMany({
          data: allocations.map((allocation) => ({
            companyId: partner.id,
            process: original.process,
            weekStart: new Date(`${allocation.weekStart}T00:00:00Z`),
            machineHours: allocation.hours,
            orderLineId: line.id,
            offerId: offer.id,
          })),
        });

      if (original.order.status === "COMPLETED")
        await moveOrder(tx, {
          orderId: original.orderId,
          to: "IN_PROGRESS",
          actorUserId: operator.userId,
          note: `Remake of ${original.part.originalFileName}`,
        });
      await recordAuditLog(tx, {
        actorUserId: operator.userId,
        companyId: partner.id,
        action: "order-line.remake",
        entityType: "OrderLine",
        entityId: line.id,
        data: {
          remakeOfLineId: original.id,
          reason: remake.reason,
          quantity,
          deliveryDate: remake.deliveryDate,
          capacityReserved: allocations !== null,
        },
      });
      const what = `${quantity} × ${original.part.originalFileName} (${processLabels[original.process]}, ${original.materialCode})`;
      await queueEmail(tx, {
        to: original.order.placedBy.email,
        subject: `Order ${original.order.number}: your parts are made again`,
        text: [
          `We are having ${what} of order ${original.order.number} made again, at no cost to you: ${remake.reason}`,
          `New delivery date: ${remake.deliveryDate}.`,
          `${appUrl()}/orders/${original.orderId}`,
        ].join("\n\n"),
      });
      await queueCompanyEmail(tx, partner.id, {
        subject: `Remake for order ${original.order.number}: ${what}`,
        text: [
          `As agreed with our operations team, you make ${what} of order ${original.order.number} again, at your own cost: ${remake.reason}`,
          `Delivery by ${remake.deliveryDate}. The job is in your portal; report its progress there as usual.`,
          `${appUrl()}/supplier/jobs/${line.id}`,
        ].join("\n\n"),
      });
      return { orderLineId: line.id, orderId: original.orderId, capacityReserved: allocations !== null };
    },
    { timeout: 30_000 },
  );
}
