import { z } from "zod";
import { manufacturingProcesses, toleranceOptions } from "../../quoting-engine/catalogue/catalogue";
import { addressSchema } from "../orders/checkout-fields";

/**
 * What the public API shows buyers (issue 24): its own shapes, not the database's or the engine's, so the
 * API stays stable when those change, and nothing a buyer must not see (partner costs, margins) leaks.
 */
const isoDateTime = z.iso.datetime({ offset: true }).describe("ISO 8601 date and time (UTC).");
const isoDate = z.iso.date().describe("ISO 8601 date.");

export const partAnalysisSchema = z
  .object({
    volumeMm3: z.number(),
    areaMm2: z.number(),
    boundingBoxMm: z.object({ x: z.number(), y: z.number(), z: z.number() }),
    sourceUnit: z
      .string()
      .describe("The unit the file was drawn in; `unknown` for STL and OBJ (read as mm)."),
    sheetMetal: z.boolean().describe("Recognised as sheet metal (bent or flat)."),
    notices: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string() })),
    dfm: z
      .array(
        z.object({
          code: z.string(),
          process: z.string(),
          severity: z.enum(["error", "warning"]),
          message: z.string(),
        }),
      )
      .describe("What each process cannot make as drawn (error), or only at extra cost (warning)."),
  })
  .meta({ id: "PartAnalysis" });

export const partSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    format: z.string(),
    sizeBytes: z.number().int(),
    status: z
      .enum(["UPLOADED", "ANALYZING", "ANALYZED", "FAILED"])
      .describe("Poll GET /api/v1/parts/{partId} until ANALYZED or FAILED."),
    createdAt: isoDateTime,
    failure: z.object({ code: z.string().nullable(), message: z.string().nullable() }).optional(),
    analysis: partAnalysisSchema.optional().describe("Present once ANALYZED."),
  })
  .meta({ id: "Part" });

export const partEnvelopeSchema = z.object({ part: partSchema });

const materialRef = z.object({ code: z.string(), name: z.string() });

export const priceOptionSchema = z
  .object({
    process: z.enum(manufacturingProcesses),
    material: materialRef,
    finish: materialRef,
    tolerance: z.string(),
    quantity: z.number().int(),
    currency: z.literal("EUR"),
    unitPriceCents: z.number().int(),
    totalPriceCents: z.number().int().describe("Net, with a small-order surcharge where one applies."),
    smallOrderSurchargeCents: z.number().int(),
    deliveryDate: isoDate,
    earliestDeliveryDate: isoDate,
    validUntil: isoDate,
    warnings: z.array(z.string()),
  })
  .meta({ id: "PriceOption" });

export const manualPriceSchema = z
  .object({
    process: z.enum(manufacturingProcesses),
    material: materialRef,
    quantity: z.number().int(),
    reasons: z.array(z.string()).describe("Why a person prices this (or why the process cannot make it)."),
    cannotMake: z.boolean(),
  })
  .meta({ id: "ManualPrice" });

export const partPricesSchema = z
  .object({
    partId: z.string(),
    quantity: z.number().int(),
    preliminary: z.boolean().describe("Priced from the measurement before features; final once ANALYZED."),
    priced: z.array(priceOptionSchema).describe("Cheapest first, each process in its cheapest material."),
    manual: z.array(manualPriceSchema),
  })
  .meta({ id: "PartPrices" });

export const createQuoteBodySchema = z
  .object({
    partId: z.string().min(1),
    process: z.enum(manufacturingProcesses),
    materialCode: z.string().min(1).max(64),
    finishCode: z.string().min(1).max(64).optional(),
    tolerance: z.enum(toleranceOptions).optional(),
    quantity: z.number().int().min(1).max(100_000),
    deliveryDate: z.iso.date().optional().describe("Default: the standard delivery date."),
  })
  .meta({ id: "CreateQuote" });

export const quoteSchema = z
  .object({
    id: z.string(),
    partId: z.string(),
    status: z.string(),
    process: z.string(),
    materialCode: z.string(),
    finishCode: z.string(),
    tolerance: z.string(),
    quantity: z.number().int(),
    currency: z.string(),
    unitPriceCents: z.number().int(),
    totalPriceCents: z.number().int().describe("Net, with any small-order surcharge."),
    smallOrderSurchargeCents: z.number().int(),
    deliveryDate: isoDate,
    validUntil: isoDateTime,
    createdAt: isoDateTime,
  })
  .meta({ id: "Quote" });

export const quoteEnvelopeSchema = z.object({ quote: quoteSchema });

export const placeOrderBodySchema = z
  .object({
    quoteIds: z.array(z.string().min(1)).min(1).max(50),
    paymentMethod: z
      .enum(["INVOICE", "BANK_TRANSFER"])
      .describe(
        "INVOICE (companies approved for it) or BANK_TRANSFER (prepayment: pay the pro-forma invoice).",
      ),
    companyName: z.string().min(1).max(200),
    vatNumber: z.string().max(20).optional(),
    billingAddress: addressSchema,
    shippingAddress: addressSchema,
    purchaseOrderNumber: z.string().max(60).optional(),
    costCentre: z.string().max(60).optional(),
    acceptTerms: z
      .literal(true)
      .describe("You accept the terms of business and have read the privacy notice."),
  })
  .meta({ id: "PlaceOrder" });

const shipmentSchema = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  quantity: z.number().int(),
  shippedAt: isoDateTime,
});

export const orderLineSchema = z
  .object({
    id: z.string(),
    partId: z.string(),
    fileName: z.string(),
    status: z.enum([
      "AWAITING_MATCH",
      "OFFERED",
      "UNMATCHED",
      "ACCEPTED",
      "IN_PRODUCTION",
      "QUALITY_CHECK",
      "SHIPPED",
      "DELIVERED",
      "CANCELLED",
    ]),
    process: z.string(),
    materialCode: z.string(),
    quantity: z.number().int(),
    totalPriceCents: z.number().int(),
    deliveryDate: isoDate,
    shippedAt: isoDateTime.nullable(),
    deliveredAt: isoDateTime.nullable(),
    shipments: z.array(shipmentSchema),
  })
  .meta({ id: "OrderLine" });

const orderStatus = z.enum([
  "AWAITING_APPROVAL",
  "AWAITING_PAYMENT",
  "CONFIRMED",
  "IN_PROGRESS",
  "COMPLETED",
  "CANCELLED",
]);

export const orderSummarySchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status: orderStatus,
    paymentMethod: z.enum(["CARD", "INVOICE", "BANK_TRANSFER"]),
    currency: z.string(),
    subtotalCents: z.number().int(),
    vatCents: z.number().int(),
    totalCents: z.number().int(),
    purchaseOrderNumber: z.string().nullable(),
    createdAt: isoDateTime,
    lines: z.array(orderLineSchema),
  })
  .meta({ id: "OrderSummary" });

export const orderSchema = orderSummarySchema
  .extend({
    paymentReference: z.string().nullable().describe("For BANK_TRANSFER: the reference to pay under."),
    documents: z
      .array(z.object({ name: z.string(), url: z.string() }))
      .describe("PDFs to download (scope documents:read)."),
  })
  .meta({ id: "Order" });

export const orderEnvelopeSchema = z.object({ order: orderSchema });
