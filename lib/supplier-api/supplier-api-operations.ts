import { maxQualityDocumentBytes } from "../quality-documents/quality-document-kinds";
import { defineApiOperation } from "../public-api/api-operation";
import { pageSchema, paginationQuerySchema } from "../public-api/paginate";
import {
  acceptedOfferSchema,
  apiJobSchema,
  apiOfferSchema,
  apiPayoutSchema,
  apiQualityDocumentSchema,
  counterofferBody,
  counterofferResultSchema,
  jobIdParams,
  jobListFilter,
  jobStatusBody,
  offerIdParams,
  offerListFilter,
  offerRejectionBody,
  payoutListFilter,
  qualityDocumentHeaders,
  qualityDocumentQuery,
  rejectedOfferSchema,
  shipmentBody,
  shipmentResultSchema,
} from "./supplier-api-schemas";

/**
 * The partner operations of the public API (issue 24, docs/decisions/0060): offers, jobs, shipping,
 * quality documents, payouts. Each is listed in lib/public-api/operation-list.ts and served by the route
 * file under app/api/v1 at its path; the domain work is the portal's own (lib/matching, lib/counteroffers,
 * lib/suppliers, lib/shipments, lib/quality-documents), so the API and the pages cannot drift apart.
 */
const tag = "Partners: offers, jobs and payouts";

export const listOffersOperation = defineApiOperation({
  operationId: "listOffers",
  method: "get",
  path: "/api/v1/offers",
  summary: "List your offers",
  description:
    "The jobs the platform offers your company, newest first: the open ones and the answers of the last " +
    "30 days. Answer each before `expiresAt`; no answer counts as a rejection. The CAD file comes with the " +
    "job once you accept.",
  tag,
  scope: "offers:read",
  query: paginationQuerySchema.extend(offerListFilter.shape),
  responses: { 200: { schema: pageSchema(apiOfferSchema), description: "A page of offers." } },
});

export const getOfferOperation = defineApiOperation({
  operationId: "getOffer",
  method: "get",
  path: "/api/v1/offers/{offerId}",
  summary: "Get one of your offers",
  tag,
  scope: "offers:read",
  params: offerIdParams,
  responses: { 200: { schema: apiOfferSchema, description: "The offer." } },
});

export const acceptOfferOperation = defineApiOperation({
  operationId: "acceptOffer",
  method: "post",
  path: "/api/v1/offers/{offerId}/accept",
  summary: "Accept an offer",
  description:
    "The job becomes yours at the offered price and date; its CAD file and quality requirements open to you. " +
    "Refused (409) once the offer expired, was withdrawn or answered, or while your company is suspended.",
  tag,
  scope: "offers:write",
  params: offerIdParams,
  responses: { 200: { schema: acceptedOfferSchema, description: "Accepted: the job's id." } },
});

export const rejectOfferOperation = defineApiOperation({
  operationId: "rejectOffer",
  method: "post",
  path: "/api/v1/offers/{offerId}/reject",
  summary: "Reject an offer with a reason",
  description: "The platform offers the job to the next partner. The reason OTHER needs a note.",
  tag,
  scope: "offers:write",
  params: offerIdParams,
  body: offerRejectionBody,
  responses: { 200: { schema: rejectedOfferSchema, description: "Rejected." } },
});

export const counterOfferOperation = defineApiOperation({
  operationId: "counterOffer",
  method: "post",
  path: "/api/v1/offers/{offerId}/counteroffer",
  summary: "Answer an offer with another price or date",
  description:
    "Within the platform's margin rules and the buyer's date it is accepted at once (outcome `accepted`, " +
    "the job is yours); otherwise the buyer decides by `decideBy` (outcome `awaiting_buyer`). One " +
    "counteroffer per offer; a price above the cap is refused (422).",
  tag,
  scope: "offers:write",
  params: offerIdParams,
  body: counterofferBody,
  responses: { 201: { schema: counterofferResultSchema, description: "The counteroffer and its outcome." } },
});

export const listJobsOperation = defineApiOperation({
  operationId: "listJobs",
  method: "get",
  path: "/api/v1/jobs",
  summary: "List your jobs",
  description:
    "The jobs you accepted, from acceptance to delivery, newest first, with parcels and documents.",
  tag,
  scope: "offers:read",
  query: paginationQuerySchema.extend(jobListFilter.shape),
  responses: { 200: { schema: pageSchema(apiJobSchema), description: "A page of jobs." } },
});

export const getJobOperation = defineApiOperation({
  operationId: "getJob",
  method: "get",
  path: "/api/v1/jobs/{jobId}",
  summary: "Get one of your jobs",
  tag,
  scope: "offers:read",
  params: jobIdParams,
  responses: { 200: { schema: apiJobSchema, description: "The job." } },
});

export const updateJobStatusOperation = defineApiOperation({
  operationId: "updateJobStatus",
  method: "post",
  path: "/api/v1/jobs/{jobId}/status",
  summary: "Report a job's progress",
  description:
    "IN_PRODUCTION, then QUALITY_CHECK (optional). Shipping is a parcel: POST /api/v1/jobs/{jobId}/shipments. " +
    "A step the job's status does not allow is refused (409); `nextSteps` on the job lists the allowed ones.",
  tag,
  scope: "jobs:write",
  params: jobIdParams,
  body: jobStatusBody,
  responses: { 200: { schema: apiJobSchema, description: "The job after the step." } },
});

export const shipJobOperation = defineApiOperation({
  operationId: "shipJob",
  method: "post",
  path: "/api/v1/jobs/{jobId}/shipments",
  summary: "Ship a parcel of a job",
  description:
    "Carrier, tracking number (checked against the carrier's format) and how many parts the parcel holds. " +
    "The buyer is e-mailed the tracking link. Once the parcels hold the whole quantity the job is SHIPPED. " +
    "Refused (409) until the job is in production and every quality document the order asks for is uploaded.",
  tag,
  scope: "jobs:write",
  params: jobIdParams,
  body: shipmentBody,
  responses: {
    201: { schema: shipmentResultSchema, description: "The parcel, and whether the job shipped." },
  },
});

export const uploadQualityDocumentOperation = defineApiOperation({
  operationId: "uploadQualityDocument",
  method: "post",
  path: "/api/v1/jobs/{jobId}/quality-documents",
  summary: "Upload a quality document for a job",
  description:
    "The file's bytes as the body (PDF; an inspection report may also be PNG or JPEG, checked by the first " +
    "bytes), at most 10 MB, its kind in `?kind=` and its name in `X-File-Name` (URL-encoded). While the job " +
    "is open (accepted to quality check); the buyer can download it.",
  tag,
  scope: "jobs:write",
  params: jobIdParams,
  query: qualityDocumentQuery,
  headers: qualityDocumentHeaders,
  bodyKind: "binary",
  maxUploadBytes: () => maxQualityDocumentBytes,
  responses: { 201: { schema: apiQualityDocumentSchema, description: "The document as kept with the job." } },
});

export const listPayoutsOperation = defineApiOperation({
  operationId: "listPayouts",
  method: "get",
  path: "/api/v1/payouts",
  summary: "List your payouts",
  description:
    "What the platform pays you per job, newest first: due after the buyer's complaint window, then paid " +
    "against a self-billing invoice. `statusText` says how each stands in the payouts page's words.",
  tag,
  scope: "payouts:read",
  query: paginationQuerySchema.extend(payoutListFilter.shape),
  responses: { 200: { schema: pageSchema(apiPayoutSchema), description: "A page of payouts." } },
});
