import { requestMatching } from "../matching/request-matching";
import { orderLineTransitions } from "../orders/order-line-transitions";
import { offerTransitions } from "../matching/offer-transitions";
import { z } from "zod";
import { isIsoDate, isWorkingDay } from "../../quoting-engine/pricing/working-days";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { lockAndReplanCapacity } from "../matching/match-order-line";
import { loadMatchingSettings } from "../matching/matching-settings";
import { loadPlatformHolidayCalendar } from "../pricing/load-platform-holiday-calendar";
import { productionWindowOf } from "../matching/rank-candidates";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { queueEmail } from "../notifications/queue-email";
import { quoteDay } from "../quotes/quote-day";
import { formatEuros } from "../money/format-euros";
import { parseEuroCents } from "../money/parse-euro-cents";
import { moveOrder } from "../orders/move-order";
import { processLabel } from "../catalogue/catalogue-labels";
import { formatIsoDay } from "@/lib/dates/format-day";
import { materialNamesOf } from "../catalogue/material-names-of";

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
  /**
   * "same-supplier": the supplier remakes them at its own cost. "matcher": the matcher places them with a
   * supplier (the original one may be chosen too), paid `supplierPriceEuros` by the platform.
   */
  maker: z
    .enum(["same-supplier", "matcher"], { error: "Choose who makes the parts again." })
    .default("same-supplier"),
  supplierPriceEuros: z.string().trim().default(""),
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
  /** Whether the supplier's hours could be reserved (it has a weekly capacity and room before the date). */
  capacityReserved: boolean;
  /** True when the line waits for the matcher: the caller asks for matching once committed. */
  awaitsMatch: boolean;
}

/**
 * Operations record that the parts of a shipped or delivered line are made again (typically after an
 * upheld complaint), by the same supplier at its own cost: a new line in the same order, linked to the
 * original (`remakeOfLineId`, `remakeReason`), with the same part, quote, process and material, the same
 * or a smaller quantity, a new delivery date (a future working day), no price for the buyer (who paid
 * already) and none for the supplier. The line is ACCEPTED by the supplier at once, with an accepted offer
 * of 0 € so the supplier's portal shows the job, and the supplier's hours are reserved when its capacity
 * is on file and has room. A completed order is in progress again. Buyer and supplier are told by e-mail.
 * Confirming the remake's delivery creates no payout (create-payout.ts): there is nothing to pay.
 *
 * Or, when the original supplier cannot or should not make them again, the matcher places the remake
 * like any line (AWAITING_MATCH; the caller requests matching once committed), at a supplier price that
 * operations set and the platform carries: the supplier's payout after delivery is the platform's loss,
 * which the order's ledger shows as negative margin.
 */
export async function recordRemake(
  db: Database,
  operator: { userId: string },
  orderLineId: string,
  input: unknown,
  now: Date = new Date(),
): Promise<RecordedRemake> {
  const remake = remakeSchema.parse(input);
  const supplierPriceCents = remake.maker === "matcher" ? parseEuroCents(remake.supplierPriceEuros) : 0;
  if (supplierPriceCents === null || (remake.maker === "matcher" && supplierPriceCents <= 0))
    throw new AppError("bad_request", "Enter what the platform pays the partner, in euros, e.g. 240.00.", {
      field: "supplierPriceEuros",
    });
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
      const supplier = original.supplierCompany;
      if (!supplier) throw new AppError("invalid_state_transition", "This line has no partner to remake it.");
      if (original.order.status === "CANCELLED")
        throw new AppError("invalid_state_transition", "This order is cancelled.");
      // Under the line's lock: a double submit or a second operator cannot remake the parts twice.
      const remade =
        (
          await tx.orderLine.aggregate({
            where: { remakeOfLineId: original.id, status: { not: "CANCELLED" } },
            _sum: { quantity: true },
          })
        )._sum.quantity ?? 0;
      const quantity = remake.quantity ?? original.quantity - remade;
      if (remade >= original.quantity)
        throw new AppError(
          "invalid_state_transition",
          `All ${original.quantity} parts of this line are being made again already.`,
        );
      if (quantity + remade > original.quantity)
        throw new AppError(
          "bad_request",
          remade > 0
            ? `${remade} of the ${original.quantity} parts are being made again already; at most ${original.quantity - remade} more.`
            : `At most the ${original.quantity} parts of the line are made again.`,
          { field: "quantity" },
        );

      const deliveryDate = new Date(`${remake.deliveryDate}T00:00:00Z`);
      const estimatedMachineHours = (original.estimatedMachineHours * quantity) / original.quantity;
      const byMatcher = remake.maker === "matcher";
      const line = await tx.orderLine.create({
        data: {
          orderId: original.orderId,
          partId: original.partId,
          quoteId: original.quoteId,
          supplierCompanyId: byMatcher ? null : supplier.id,
          status: orderLineTransitions.enter(byMatcher ? "AWAITING_MATCH" : "ACCEPTED"),
          process: original.process,
          materialCode: original.materialCode,
          finish: original.finish,
          toleranceClass: original.toleranceClass,
          quantity,
          unitPriceCents: 0,
          totalPriceCents: 0,
          supplierTotalCents: supplierPriceCents,
          currency: original.currency,
          estimatedMachineHours,
          partSizeMm: original.partSizeMm,
          deliveryDate,
          remakeOfLineId: original.id,
          remakeReason: remake.reason,
          createdAt: now,
        },
      });
      const materialName = (await materialNamesOf(tx, [original]))(original.materialCode);
      const what = `${quantity} × ${original.part.originalFileName} (${processLabel(original.process)}, ${materialName})`;
      /** The new line's first history row and its audit-log entry, with who made the remake. */
      const recordTrail = async (toStatus: "ACCEPTED" | "AWAITING_MATCH", how: string, data: object) => {
        await tx.orderStatusChange.create({
          data: {
            orderId: original.orderId,
            orderLineId: line.id,
            fromStatus: null,
            toStatus,
            actorUserId: operator.userId,
            note: `Remake of ${quantity} × ${original.part.originalFileName} ${how}: ${remake.reason}`,
            createdAt: now,
          },
        });
        await recordAuditLog(tx, {
          actorUserId: operator.userId,
          companyId: supplier.id,
          action: "order-line.remake",
          entityType: "OrderLine",
          entityId: line.id,
          data: {
            remakeOfLineId: original.id,
            reason: remake.reason,
            quantity,
            deliveryDate: remake.deliveryDate,
            ...data,
          },
        });
      };
      if (original.order.status === "COMPLETED")
        await moveOrder(tx, {
          orderId: original.orderId,
          to: "IN_PROGRESS",
          actorUserId: operator.userId,
          note: `Remake of ${original.part.originalFileName}`,
        });
      await queueEmail(tx, {
        to: original.order.placedBy.email,
        subject: `Order ${original.order.number}: your parts are made again`,
        text: [
          `We are having ${what} of order ${original.order.number} made again, at no cost to you: ${remake.reason}`,
          `New delivery date: ${formatIsoDay(remake.deliveryDate)}.`,
          `${appUrl()}/orders/${original.orderId}`,
        ].join("\n\n"),
      });
      if (byMatcher) {
        await recordTrail(
          "AWAITING_MATCH",
          `through the matcher, the platform paying the partner ${formatEuros(supplierPriceCents)}`,
          { maker: "matcher", supplierPriceCents },
        );
        await requestMatching(tx, original.orderId, "remake");
        return {
          orderLineId: line.id,
          orderId: original.orderId,
          capacityReserved: false,
          awaitsMatch: true,
        };
      }

      // The supplier agreed to remake the parts: an accepted offer of 0 € shows the job in its portal.
      const offer = await tx.offer.create({
        data: {
          orderLineId: line.id,
          supplierCompanyId: supplier.id,
          status: offerTransitions.enter("ACCEPTED"),
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
          ? await lockAndReplanCapacity(tx, original.process, { companyId: supplier.id }, line, window)
          : null;
      if (allocations)
        await tx.capacityReservation.createMany({
          data: allocations.map((allocation) => ({
            companyId: supplier.id,
            process: original.process,
            weekStart: new Date(`${allocation.weekStart}T00:00:00Z`),
            machineHours: allocation.hours,
            orderLineId: line.id,
            offerId: offer.id,
          })),
        });

      await recordTrail("ACCEPTED", `by ${supplier.name} at its own cost`, {
        maker: "same-supplier",
        capacityReserved: allocations !== null,
      });
      await queueCompanyEmail(tx, supplier.id, {
        subject: `Remake for order ${original.order.number}: ${what}`,
        text: [
          `As agreed with our operations team, you make ${what} of order ${original.order.number} again, at your own cost: ${remake.reason}`,
          `Delivery by ${formatIsoDay(remake.deliveryDate)}. The job is in your portal; report its progress there as usual.`,
          `${appUrl()}/supplier/jobs/${line.id}`,
        ].join("\n\n"),
      });
      return {
        orderLineId: line.id,
        orderId: original.orderId,
        capacityReserved: allocations !== null,
        awaitsMatch: false,
      };
    },
    { timeout: 30_000 },
  );
}
