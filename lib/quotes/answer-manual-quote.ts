import { z } from "zod";
import { addWorkingDays, isWorkingDay, shift } from "../../quoting-engine/pricing/working-days";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import { formatEuros } from "../money/format-euros";
import { parseEuroCents } from "../money/parse-euro-cents";
import { loadMatchingSettings } from "../matching/matching-settings";
import { readStoredAnalysis } from "../parts/read-stored-analysis";
import { loadPricingData } from "../pricing/load-pricing-data";
import { lastOrderDay } from "./last-order-day";
import { lockOpenManualQuoteRequest } from "./lock-open-manual-quote-request";
import { parseRequestOptions } from "./parse-request-options";
import { quoteDay } from "./quote-day";
import { suggestManualPrice } from "./suggest-manual-price";
import { defaultTolerance } from "../../quoting-engine/catalogue/catalogue";
import { dbProcessOf, dbToleranceOf } from "../db/catalogue-codes";
import { endOfDeadlineDay } from "../dates/end-of-deadline-day";
import { formatDeadline } from "../dates/format-deadline";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { formatIsoDay } from "@/lib/dates/format-day";
import { whenFieldsParsed } from "../forms/when-fields-parsed";

/**
 * Euros as typed on the form ("1234.5", "1 234,50 €", "1.250,50", "1,250.50": parseEuroCents) in whole
 * cents; numbers are taken as euros too. At most €9,999,999.99 per part.
 */
const euros = (what: string) =>
  z
    .union([z.string(), z.number()])
    .transform((value) =>
      typeof value === "number" ? (Number.isFinite(value) ? Math.round(value * 100) : null) : parseEuroCents(value),
    )
    .pipe(
      z
        .number({ error: `Enter ${what} in euros, e.g. 1250 or 1.250,50.` })
        .max(999_999_999, `Enter ${what} in euros, e.g. 1250 or 1.250,50.`),
    )
    .pipe(
      z
        .number()
        .int()
        .min(1, `${what[0]!.toUpperCase()}${what.slice(1)} must be more than €0.`),
    );

const answerSchema = z
  .object({
    unitPriceEuros: euros("the buyer's price per part"),
    supplierUnitCostEuros: euros("the partner's cost per part"),
    deliveryDate: z.iso.date({ error: "Enter the delivery date (YYYY-MM-DD)." }),
    validityDays: z.coerce
      .number({ error: "Enter for how many days the price holds, e.g. 30." })
      .int("Enter whole days, e.g. 30.")
      .min(1, "The quote must hold for at least one day.")
      .max(90, "A quote holds for at most 90 days."),
    note: z.string().trim().max(2000, "Keep the note under 2000 characters.").default(""),
    // Empty on the form: the engine's estimate for the part.
    estimatedMachineHours: z
      .union([z.literal(""), z.coerce.number({ error: "Enter the machine hours as a number, e.g. 6.5." })])
      .optional()
      .transform((value) => (value === "" ? undefined : value))
      .pipe(
        z
          .number()
          .positive("The machine hours must be more than 0.")
          .max(10_000, "Enter at most 10000 machine hours.")
          .optional(),
      ),
  })
  .refine((answer) => answer.supplierUnitCostEuros < answer.unitPriceEuros, {
    path: ["supplierUnitCostEuros"],
    message: "The partner's cost must be below the buyer's price: the difference is our margin.",
    ...whenFieldsParsed("unitPriceEuros", "supplierUnitCostEuros"),
  });

export type ManualQuoteAnswerInput = z.input<typeof answerSchema>;

/** The largest total a quote's integer cents columns hold. */
const maxTotalCents = 2_147_483_647;

/**
 * Operations price a part the engine could not: a Quote for the requester's company at the price, the
 * supplier's cost and the delivery date they set, stamped with the current pricing settings version, and
 * the request marked ANSWERED — in one transaction that locks the request, so it is answered once. The
 * quote is an ordinary ACTIVE quote (`needsManualQuote` false: a person has priced it), which the buyer
 * adds to the cart and checks out like any other. The buyer is e-mailed a link to the part.
 *
 * Refuses, writing nothing: bad input (price not above cost, a date that is not a future working day),
 * a request that is not OPEN, and a request from a visitor without a company (e-mail them, or decline).
 */
export async function answerManualQuote(
  db: Database,
  operator: { userId: string },
  requestId: string,
  input: unknown,
  today = quoteDay(),
) {
  // A delivery date not after today is refused with the form's other errors, in one round.
  const answer = answerSchema
    .superRefine((fields, ctx) => {
      if (fields.deliveryDate <= today)
        ctx.addIssue({
          code: "custom",
          path: ["deliveryDate"],
          message: "The delivery date must be after today.",
        });
    }, whenFieldsParsed("deliveryDate"))
    .parse(input);
  // The pricing data carries the version's calendar too: one read for both.
  const pricing = await loadPricingData(db);
  const { holidays } = pricing;
  if (!isWorkingDay(answer.deliveryDate, holidays))
    throw new AppError(
      "validation_failed",
      `${formatIsoDay(answer.deliveryDate)} is a weekend day or a holiday: choose a working day for the delivery.`,
      { field: "deliveryDate" },
    );
  // A supplier needs at least one production day after the order, before the shipping days.
  const { settings: matching } = await loadMatchingSettings(db);
  const earliest = addWorkingDays(today, matching.shippingWorkingDays + 1, holidays);
  if (answer.deliveryDate < earliest)
    throw new AppError(
      "validation_failed",
      `A partner needs a production day and ${matching.shippingWorkingDays} working days for shipping: choose ${formatIsoDay(earliest)} or later.`,
      { field: "deliveryDate" },
    );
  const lastDayToOrder = lastOrderDay(answer.deliveryDate, matching.shippingWorkingDays, holidays);
  return db.$transaction(async (tx) => {
    const request = await lockOpenManualQuoteRequest(tx, requestId);
    const companyId = request.requestedBy?.companyId ?? request.part.companyId;
    if (!companyId)
      throw new AppError(
        "invalid_state_transition",
        `This request came from a visitor without an account, so no quote can be put in a cart: e-mail the price to ${request.contactEmail}, or decline the request.`,
      );
    const options = parseRequestOptions(request.options);
    const material = await tx.material.findUnique({ where: { code: options.materialCode } });
    if (!material || !material.active)
      throw new AppError(
        "invalid_state_transition",
        `The material ${material?.name ?? options.materialCode} is no longer offered: decline the request and tell the buyer which materials we offer.`,
      );
    // The part page always sends a finish; an older request without one gets the process's plain finish.
    const finish = options.finishCode
      ? pricing.data.finishes.find((candidate) => candidate.code === options.finishCode)
      : pricing.data.finishes.find(
          (candidate) => candidate.processes.includes(options.process) && candidate.centsPerCm2 === 0,
        );
    if (!finish)
      throw new AppError(
        "invalid_state_transition",
        `The finish "${options.finishCode}" of this request is not offered any more: decline the request and tell the buyer which finishes we offer.`,
      );
    let machineHours = answer.estimatedMachineHours;
    if (machineHours === undefined) {
      const part = await tx.part.findUniqueOrThrow({ where: { id: request.partId } });
      // Inside the transaction only a current report is used; the request's page sends an old one back
      // to be analysed.
      const stored = readStoredAnalysis(part);
      const suggestion =
        stored.kind === "current"
          ? suggestManualPrice(stored.report, options, pricing.data, today, pricing.holidays)
          : null;
      if (!suggestion?.ok)
        throw new AppError(
          "validation_failed",
          `The engine has no estimate of the machine hours for this part${suggestion ? ` (${suggestion.message})` : ""}: enter them.`,
          { field: "estimatedMachineHours" },
        );
      machineHours = suggestion.estimatedMachineHours;
    }
    // Valid as asked, but never past the last day on which an order can still meet the delivery date.
    const asked = shift(today, answer.validityDays);
    const validUntil = asked < lastDayToOrder ? asked : lastDayToOrder;
    const quantity = options.quantity;
    if (answer.unitPriceEuros * quantity > maxTotalCents)
      throw new AppError(
        "validation_failed",
        `${quantity} × ${formatEuros(answer.unitPriceEuros)} is more than one quote can hold; check the price.`,
        { field: "unitPriceEuros" },
      );
    const quote = await tx.quote.create({
      data: {
        partId: request.partId,
        companyId,
        createdById: operator.userId,
        process: dbProcessOf(options.process),
        materialId: material.id,
        finish: finish.code,
        toleranceClass: dbToleranceOf(options.tolerance ?? defaultTolerance),
        quantity,
        deliveryDate: new Date(`${answer.deliveryDate}T00:00:00Z`),
        currency: "EUR",
        unitPriceCents: answer.unitPriceEuros,
        totalPriceCents: answer.unitPriceEuros * quantity,
        supplierUnitCostCents: answer.supplierUnitCostEuros,
        supplierTotalCostCents: answer.supplierUnitCostEuros * quantity,
        estimatedMachineHours: machineHours,
        breakdown: [
          {
            kind: "manual",
            label: "Priced by our engineers",
            centsPerPart: answer.unitPriceEuros,
            ...(answer.note ? { note: answer.note } : {}),
          },
        ],
        priceBreaks: [
          {
            quantity,
            buyerUnitPriceCents: answer.unitPriceEuros,
            buyerTotalPriceCents: answer.unitPriceEuros * quantity,
          },
        ],
        warnings: [],
        needsManualQuote: false,
        settingsVersion: pricing.settingsVersion,
        validUntil: endOfDeadlineDay(validUntil),
      },
    });
    const answeredAt = new Date();
    await tx.manualQuoteRequest.update({
      where: { id: request.id },
      data: {
        status: "ANSWERED",
        answeredQuoteId: quote.id,
        answeredById: operator.userId,
        answeredAt,
        answerNote: answer.note || null,
      },
    });
    await emitWebhookEvent(tx, {
      companyId,
      type: "quote.answered",
      data: {
        manualQuoteRequestId: request.id,
        partId: request.partId,
        status: "ANSWERED",
        quoteId: quote.id,
        unitPriceCents: quote.unitPriceCents,
        totalPriceCents: quote.totalPriceCents,
        currency: quote.currency,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId,
      action: "manual-quote.answered",
      entityType: "ManualQuoteRequest",
      entityId: request.id,
      data: {
        quoteId: quote.id,
        unitPriceCents: quote.unitPriceCents,
        supplierUnitCostCents: quote.supplierUnitCostCents,
        deliveryDate: answer.deliveryDate,
        validUntil,
        settingsVersion: pricing.settingsVersion,
      },
    });
    await queueEmail(tx, {
      to: request.contactEmail,
      subject: `Your quote for ${request.part.originalFileName} is ready`,
      text: [
        `Our engineers priced ${request.part.originalFileName}: ${quantity} pcs at ${formatEuros(quote.unitPriceCents)} per part, ${formatEuros(quote.totalPriceCents)} in total (excluding VAT), delivered on ${formatIsoDay(answer.deliveryDate)}.`,
        ...(answer.note ? [`A note from the engineer:\n${answer.note}`] : []),
        `The price holds until ${formatDeadline(endOfDeadlineDay(validUntil))}. Add it to your cart on the part's page: ${appUrl()}/parts/${request.partId}`,
      ].join("\n\n"),
    });
    return quote;
  });
}
