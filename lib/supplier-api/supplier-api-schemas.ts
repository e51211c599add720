import { z } from "zod";
import {
  CounterofferStatus,
  ManufacturingProcess,
  OfferStatus,
  PayoutMethod,
  PayoutStatus,
} from "../db/generated/enums";
import { offerRejectReasons } from "../matching/offer-reject-reasons";
import { qualityDocumentKinds } from "../quality-documents/quality-document-kinds";
import { carrierCodes } from "../shipments/carriers";
import { jobStatuses } from "../suppliers/job-statuses";

/**
 * The partner operations of the public API (issue 24, docs/decisions/0060): what they take and what they
 * answer, as zod schemas. The routes parse with them, the OpenAPI document is generated from them and the
 * contract test checks every answer against them, so one change shows in all three. Timestamps are ISO
 * 8601 in UTC, days (delivery dates) `YYYY-MM-DD`, money integer cents with its currency.
 */
const timestamp = z.iso.datetime({ offset: true });
const day = z.iso.date();

export const offerIdParams = z.object({ offerId: z.string().min(1).max(64) });
export const jobIdParams = z.object({ jobId: z.string().min(1).max(64) });

/** What a partner is shown of the line an offer or a job is about: never the buyer's price or name. */
export const apiJobSpecSchema = z
  .object({
    jobId: z.string().describe("The order line's id; after acceptance it names the job."),
    orderNumber: z.string(),
    fileName: z.string().describe("The part's file name as the buyer uploaded it."),
    quantity: z.int().positive(),
    process: z.enum(ManufacturingProcess),
    materialCode: z.string(),
    finish: z.string(),
    toleranceClass: z.string(),
    partSizeMm: z.array(z.number()).describe("The part's bounding box, millimetres, largest first."),
    estimatedMachineHours: z.number(),
    deliveryDate: day.describe("The day the parts must reach the buyer."),
    requiredQualityDocuments: z.array(z.enum(qualityDocumentKinds)),
    requiredCertificates: z.array(z.string()),
  })
  .meta({ id: "PartnerJobSpec" });

export const apiCounterofferSchema = z
  .object({
    status: z.enum(CounterofferStatus),
    proposedPriceCents: z.int(),
    proposedDeliveryDate: day,
    decideBy: timestamp.nullable().describe("Until when the buyer decides; null when accepted by the rules."),
  })
  .meta({ id: "PartnerCounteroffer" });

export const apiOfferSchema = z
  .object({
    id: z.string(),
    status: z.enum(OfferStatus),
    priceCents: z.int().describe("What the platform pays the partner for the whole job, net."),
    currency: z.string().length(3),
    createdAt: timestamp,
    expiresAt: timestamp.describe("Accept, reject or counter before this; then it counts as a rejection."),
    respondedAt: timestamp.nullable(),
    rejectReason: z.string().nullable(),
    counteroffer: apiCounterofferSchema.nullable(),
    job: apiJobSpecSchema,
  })
  .meta({ id: "PartnerOffer" });

/** Narrows a list to one status; pagination's cursor and limit come from lib/public-api/paginate.ts. */
export const offerListFilter = z.object({
  status: z.enum(OfferStatus).optional().describe("Only offers in this status, e.g. PENDING: to answer now."),
});

export const offerRejectionBody = z.object({
  reason: z.enum(Object.keys(offerRejectReasons) as [keyof typeof offerRejectReasons]),
  note: z.string().max(2000).optional().describe("Required when the reason is OTHER."),
});

export const counterofferBody = z.object({
  priceCents: z.int().positive().max(1_000_000_000).describe("Your price for the whole job, net, in cents."),
  deliveryDate: day.describe("The day you can deliver to the buyer by."),
  note: z.string().max(2000).optional(),
});

export const acceptedOfferSchema = z.object({ offerId: z.string(), jobId: z.string() });

export const rejectedOfferSchema = z.object({ offerId: z.string(), status: z.literal("REJECTED") });

export const counterofferResultSchema = z.object({
  counterofferId: z.string(),
  offerId: z.string(),
  jobId: z.string(),
  outcome: z
    .enum(["accepted", "awaiting_buyer"])
    .describe("accepted: within the platform's rules, the job is yours; awaiting_buyer: the buyer decides."),
  decideBy: timestamp.nullable(),
});

export const apiShipmentSchema = z
  .object({
    id: z.string(),
    carrier: z.string().describe("A carrier code (DHL, UPS, …, OTHER); older parcels may hold a typed name."),
    trackingNumber: z.string(),
    trackingUrl: z.string().nullable(),
    quantity: z.int().positive(),
    shippedAt: timestamp,
  })
  .meta({ id: "PartnerShipment" });

export const apiQualityDocumentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(qualityDocumentKinds),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.int(),
    createdAt: timestamp,
  })
  .meta({ id: "PartnerQualityDocument" });

export const apiJobSchema = apiJobSpecSchema
  .extend({
    status: z.enum(jobStatuses),
    priceCents: z
      .int()
      .nullable()
      .describe("The accepted price for the whole job (a counteroffer the buyer accepted included)."),
    currency: z.string().length(3).nullable(),
    shippedQuantity: z.int(),
    shipments: z.array(apiShipmentSchema),
    qualityDocuments: z.array(apiQualityDocumentSchema),
    missingQualityDocuments: z.array(z.enum(qualityDocumentKinds)),
    nextSteps: z.array(z.enum(["IN_PRODUCTION", "QUALITY_CHECK", "SHIPPED"])),
  })
  .meta({ id: "PartnerJob" });

export const jobListFilter = z.object({
  status: z.enum(jobStatuses).optional().describe("Only jobs in this status."),
});

export const jobStatusBody = z.object({
  status: z
    .enum(["IN_PRODUCTION", "QUALITY_CHECK"])
    .describe("Progress; shipping goes through POST /jobs/{jobId}/shipments, with a tracking number."),
});

export const shipmentBody = z.object({
  carrier: z.enum(carrierCodes),
  trackingNumber: z.string().min(1).max(60),
  quantity: z.int().positive().describe("Parts in this parcel; the job ships once parcels hold them all."),
});

export const shipmentResultSchema = z.object({
  shipment: apiShipmentSchema,
  shippedQuantity: z.int(),
  complete: z.boolean().describe("True when this parcel completes the job: its status is now SHIPPED."),
});

export const qualityDocumentQuery = z.object({ kind: z.enum(qualityDocumentKinds) });

export const qualityDocumentHeaders = z.object({
  "x-file-name": z
    .string()
    .min(1)
    .max(600)
    .describe("The file's name, URL-encoded, e.g. inspection%20report.pdf."),
});

export const apiPayoutSchema = z
  .object({
    id: z.string(),
    status: z.enum(PayoutStatus),
    statusText: z.string().describe("How the payout stands, in the words of the payouts page."),
    method: z.enum(PayoutMethod),
    amountCents: z.int(),
    currency: z.string().length(3),
    jobId: z.string(),
    orderNumber: z.string(),
    invoiceNumber: z.string().nullable().describe("The self-billing invoice, once issued."),
    dueAt: timestamp.nullable(),
    paidAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "PartnerPayout" });

export const payoutListFilter = z.object({
  status: z
    .enum(PayoutStatus)
    .optional()
    .describe("Only payouts in this status, e.g. WAITING: money to come."),
});

export type ApiOffer = z.infer<typeof apiOfferSchema>;
export type ApiJob = z.infer<typeof apiJobSchema>;
export type ApiPayout = z.infer<typeof apiPayoutSchema>;
export type ApiShipment = z.infer<typeof apiShipmentSchema>;
