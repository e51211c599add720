import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { lockActiveSupplier } from "../matching/lock-active-supplier";
import { loadClosureDays } from "../matching/load-closure-days";
import { loadMatchingSettings } from "../matching/matching-settings";
import { moveOffers } from "../matching/move-offers";
import { offerDeadline } from "../matching/offer-deadline";
import { requestOfferExpiry } from "../matching/request-matching";
import { assertWithinProbationLimit } from "../probation/assert-within-probation-limit";
import { quoteDay } from "../quotes/quote-day";
import { loadOrderRules } from "../small-orders/load-order-rules";
import { euroCentsInput } from "../settings/settings-input-fields";
import { deliveryDayRefusal } from "./delivery-day-refusal";
import { judgeCounteroffer } from "./judge-counteroffer";
import { askBuyerEmail } from "./ask-buyer-email";
import { orderVatPercent } from "./buyer-price-change";
import { acceptCounteroffer, counterofferToSettleInclude } from "./settle-counteroffer";

export const counterofferSchema = z.object({
  price: euroCentsInput("your price for the whole job", 10_000_000),
  deliveryDate: z
    .string({ error: "Choose the date you can deliver to the buyer by." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date you can deliver to the buyer by.")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Choose a real date."),
  note: z.string().trim().max(2000, "Keep the note under 2000 characters.").default(""),
});

export interface CounterofferResult {
  counterofferId: string;
  offerId: string;
  orderLineId: string;
  outcome: "accepted" | "awaiting_buyer";
  decideBy: Date | null;
}

async function lockOwnOffer(tx: TransactionClient, companyId: string, offerId: string) {
  // The line first, then the offer: the order the matcher, re-offers and answers lock them in.
  await tx.$queryRaw`SELECT 1 FROM "OrderLine" WHERE "id" = (SELECT "orderLineId" FROM "Offer" WHERE "id" = ${offerId}) FOR UPDATE`;
  await tx.$queryRaw`SELECT 1 FROM "Offer" WHERE "id" = ${offerId} FOR UPDATE`;
  const offer = await tx.offer.findFirst({
    where: { id: offerId, supplierCompanyId: companyId },
    include: {
      counteroffer: true,
      orderLine: {
        include: {
          order: {
            select: {
              id: true,
              number: true,
              buyerCompanyId: true,
              paymentMethod: true,
              vatTreatment: true,
              vatCents: true,
            },
          },
        },
      },
    },
  });
  if (!offer) throw new AppError("not_found", "There is no such offer for your company.");
  return offer;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The supplier answers a pending offer with another price and/or delivery date instead of rejecting it
 * (docs/decisions/0039, 0047). Refused with a message when the price is above the cap. Within the margin
 * rule and the buyer's date it is accepted at once; a later date, or a price that leaves the platform less
 * than its minimum margin (the buyer is then asked the least price that keeps it), waits for the buyer,
 * who is e-mailed and has `buyerDecisionWorkingHours` to decide. The reserved
 * hours stay held meanwhile. Sending the same counteroffer twice (a double click) returns the first.
 */
export async function submitCounteroffer(
  db: Database,
  responder: { userId: string; companyId: string },
  offerId: string,
  input: unknown,
  now = new Date(),
): Promise<CounterofferResult> {
  const terms = counterofferSchema.parse(input);
  const proposedDeliveryDate = new Date(`${terms.deliveryDate}T00:00:00Z`);
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      if (!(await lockActiveSupplier(tx, responder.companyId)))
        throw new AppError(
          "invalid_state_transition",
          "Your company is suspended and cannot take new jobs; talk to our operations team.",
        );
      const offer = await lockOwnOffer(tx, responder.companyId, offerId);
      const earlier = offer.counteroffer;
      if (earlier) {
        const same =
          earlier.proposedPriceCents === terms.price &&
          day(earlier.proposedDeliveryDate) === terms.deliveryDate;
        if (!same)
          throw new AppError(
            "invalid_state_transition",
            "You have sent a counteroffer for this job already.",
          );
        return {
          counterofferId: earlier.id,
          offerId,
          orderLineId: offer.orderLineId,
          outcome: earlier.status === "ACCEPTED" ? "accepted" : "awaiting_buyer",
          decideBy: earlier.decideBy,
        };
      }
      if (offer.status !== "PENDING" || offer.expiresAt <= now)
        throw new AppError(
          "invalid_state_transition",
          offer.status === "PENDING"
            ? "This offer expired and has gone to another partner; it cannot be countered any more."
            : "This offer was answered or withdrawn already; it cannot be countered.",
        );
      const { settings } = await loadMatchingSettings(tx);
      const tomorrow = new Date(`${quoteDay(now)}T00:00:00Z`);
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      const latest = new Date(`${quoteDay(now)}T00:00:00Z`);
      latest.setUTCDate(latest.getUTCDate() + (await loadOrderRules(tx)).horizonDays);
      const judged = judgeCounteroffer(
        {
          offeredPriceCents: offer.supplierPriceCents,
          lineTotalCents: offer.orderLine.totalPriceCents,
          proposedPriceCents: terms.price,
          offeredDeliveryDate: day(offer.orderLine.deliveryDate),
          proposedDeliveryDate: terms.deliveryDate,
          earliestDeliveryDate: day(tomorrow),
          latestDeliveryDate: day(latest),
        },
        settings.counteroffers,
      );
      if (!judged.ok) {
        const [first] = judged.refusals;
        // Each refusal next to its field on the form (details.fields), all in one round.
        throw new AppError("validation_failed", judged.refusals.map((refusal) => refusal.error).join(" "), {
          ...(first!.field ? { field: first!.field } : {}),
          fields: judged.refusals.map((refusal) => ({ path: refusal.field, message: refusal.error })),
        });
      }
      if (judged.changesDate) {
        // A day the partner does not work (its weekend, public holiday or the platform's closure day)
        // cannot be a delivery day it promises; the buyer's own date stays whatever day it is.
        const supplier = await tx.company.findUniqueOrThrow({
          where: { id: responder.companyId },
          select: { countryCode: true, region: true },
        });
        const refusal = deliveryDayRefusal(terms.deliveryDate, supplier, await loadClosureDays(tx));
        if (refusal) throw new AppError("validation_failed", refusal, { field: "deliveryDate" });
      }
      await assertWithinProbationLimit(tx, responder.companyId, terms.price, "counteroffer");

      const countered = await moveOffers(tx, {
        where: { id: offer.id },
        from: ["PENDING"],
        to: "COUNTERED",
        set: { respondedAt: now },
      });
      if (countered !== 1)
        throw new AppError("invalid_state_transition", "This offer changed meanwhile; reload it.");
      const decideBy = judged.automatic
        ? null
        : offerDeadline(now, settings.counteroffers.buyerDecisionWorkingHours);
      const counteroffer = await tx.counteroffer.create({
        data: {
          offerId: offer.id,
          offeredPriceCents: offer.supplierPriceCents,
          offeredDeliveryDate: offer.orderLine.deliveryDate,
          proposedPriceCents: terms.price,
          proposedDeliveryDate,
          note: terms.note || null,
          status: "AWAITING_BUYER",
          decideBy,
          createdById: responder.userId,
          ...(judged.buyerNetCents !== null && {
            buyerPreviousNetCents: offer.orderLine.totalPriceCents,
            buyerNetCents: judged.buyerNetCents,
            buyerVatPercent: orderVatPercent(offer.orderLine.order),
          }),
        },
        include: counterofferToSettleInclude,
      });
      await recordAuditLog(tx, {
        actorUserId: responder.userId,
        companyId: responder.companyId,
        action: "counteroffer.submit",
        entityType: "Counteroffer",
        entityId: counteroffer.id,
        data: {
          offerId: offer.id,
          offeredPriceCents: offer.supplierPriceCents,
          proposedPriceCents: terms.price,
          offeredDeliveryDate: day(offer.orderLine.deliveryDate),
          proposedDeliveryDate: terms.deliveryDate,
          ...(judged.buyerNetCents !== null && {
            buyerPreviousNetCents: offer.orderLine.totalPriceCents,
            buyerNetCents: judged.buyerNetCents,
          }),
        },
      });
      if (!decideBy) {
        await acceptCounteroffer(tx, counteroffer, { by: "rules" }, now);
        return {
          counterofferId: counteroffer.id,
          offerId,
          orderLineId: offer.orderLineId,
          outcome: "accepted",
          decideBy,
        };
      }
      const order = offer.orderLine.order;
      const { subject, body } = askBuyerEmail({
        order,
        quantity: offer.orderLine.quantity,
        offeredDeliveryDate: day(offer.orderLine.deliveryDate),
        proposedDeliveryDate: terms.deliveryDate,
        price:
          counteroffer.buyerPreviousNetCents !== null &&
          counteroffer.buyerNetCents !== null &&
          counteroffer.buyerVatPercent !== null
            ? {
                previousNetCents: counteroffer.buyerPreviousNetCents,
                netCents: counteroffer.buyerNetCents,
                vatPercent: counteroffer.buyerVatPercent,
              }
            : null,
        decideBy,
      });
      await queueCompanyEmail(tx, order.buyerCompanyId, {
        subject,
        text: `${body}\n\n${appUrl()}/orders/${order.id}#counteroffer-${counteroffer.id}`,
      });
      await requestOfferExpiry(tx, decideBy);
      return {
        counterofferId: counteroffer.id,
        offerId,
        orderLineId: offer.orderLineId,
        outcome: "awaiting_buyer",
        decideBy,
      };
    }),
  );
}
