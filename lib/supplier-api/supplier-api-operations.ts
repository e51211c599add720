import { maxQualityDocumentBytes } from "../quality-documents/quality-document-kinds";
import { apiOperationsTagged } from "../public-api/api-operation";
import { pagedListing } from "../public-api/paginate";
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
const supplierApi = apiOperationsTagged("Partners: offers, jobs and payouts");

export const listOffersOperation = supplierApi("listOffers", "get /api/v1/offers", {
  summary: "List your offers",
  description:
    "The jobs the platform offers your company, newest first: the open ones and the answers of the last " +
    "30 days. Answer each before `expiresAt`; no answer counts as a rejection. The CAD file comes with the " +
    "job once you accept.",
  scope: "offers:read",
  ...pagedListing(apiOfferSchema, offerListFilter, "A page of offers."),
});

export const getOfferOperation = supplierApi("getOffer", "get /api/v1/offers/{offerId}", {
  summary: "Get one of your offers",
  scope: "offers:read",
  params: offerIdParams,
  responses: { 200: { schema: apiOfferSchema, description: "The offer." } },
});

export const acceptOfferOperation = supplierApi("acceptOffer", "post /api/v1/offers/{offerId}/accept", {
  summary: "Accept an offer",
  description:
    "The job becomes yours at the offered price and date; its CAD file and quality requirements open to you. " +
    "Refused (409) once the offer expired, was withdrawn or answered, or while your company is suspended.",
  scope: "offers:write",
  params: offerIdParams,
  responses: { 200: { schema: acceptedOfferSchema, description: "Accepted: the job's id." } },
});

export const rejectOfferOperation = supplierApi("rejectOffer", "post /api/v1/offers/{offerId}/reject", {
  summary: "Reject an offer with a reason",
  description: "The platform offers the job to the next partner. The reason OTHER needs a note.",
  scope: "offers:write",
  params: offerIdParams,
  body: offerRejectionBody,
  responses: { 200: { schema: rejectedOfferSchema, description: "Rejected." } },
});

export const counterOfferOperation = supplierApi(
  "counterOffer",
  "post /api/v1/offers/{offerId}/counteroffer",
  {
    summary: "Answer an offer with another price or date",
    description:
      "Within the platform's margin rules and the buyer's date it is accepted at once (outcome `accepted`, " +
      "the job is yours); otherwise the buyer decides by `decideBy` (outcome `awaiting_buyer`). One " +
      "counteroffer per offer; a price above the cap is refused (422).",
    scope: "offers:write",
    params: offerIdParams,
    body: counterofferBody,
    responses: {
      201: { schema: counterofferResultSchema, description: "The counteroffer and its outcome." },
    },
  },
);

export const listJobsOperation = supplierApi("listJobs", "get /api/v1/jobs", {
  summary: "List your jobs",
  description:
    "The jobs you accepted, from acceptance to delivery, newest first, with parcels and documents.",
  scope: "offers:read",
  ...pagedListing(apiJobSchema, jobListFilter, "A page of jobs."),
});

export const getJobOperation = supplierApi("getJob", "get /api/v1/jobs/{jobId}", {
  summary: "Get one of your jobs",
  scope: "offers:read",
  params: jobIdParams,
  responses: { 200: { schema: apiJobSchema, description: "The job." } },
});

export const updateJobStatusOperation = supplierApi("updateJobStatus", "post /api/v1/jobs/{jobId}/status", {
  summary: "Report a job's progress",
  description:
    "IN_PRODUCTION, then QUALITY_CHECK (optional). Shipping is a parcel: POST /api/v1/jobs/{jobId}/shipments. " +
    "A step the job's status does not allow is refused (409); `nextSteps` on the job lists the allowed ones.",
  scope: "jobs:write",
  params: jobIdParams,
  body: jobStatusBody,
  responses: { 200: { schema: apiJobSchema, description: "The job after the step." } },
});

export const shipJobOperation = supplierApi("shipJob", "post /api/v1/jobs/{jobId}/shipments", {
  summary: "Ship a parcel of a job",
  description:
    "Carrier, tracking number (checked against the carrier's format) and how many parts the parcel holds. " +
    "The buyer is e-mailed the tracking link. Once the parcels hold the whole quantity the job is SHIPPED. " +
    "Refused (409) until the job is in production and every quality document the order asks for is uploaded.",
  scope: "jobs:write",
  params: jobIdParams,
  body: shipmentBody,
  responses: {
    201: { schema: shipmentResultSchema, description: "The parcel, and whether the job shipped." },
  },
});

export const uploadQualityDocumentOperation = supplierApi(
  "uploadQualityDocument",
  "post /api/v1/jobs/{jobId}/quality-documents",
  {
    summary: "Upload a quality document for a job",
    description:
      "The file's bytes as the body (PDF; an inspection report may also be PNG or JPEG, checked by the first " +
      "bytes), at most 10 MB, its kind in `?kind=` and its name in `X-File-Name` (URL-encoded). While the job " +
      "is open (accepted to quality check); the buyer can download it.",
    scope: "jobs:write",
    params: jobIdParams,
    query: qualityDocumentQuery,
    headers: qualityDocumentHeaders,
    bodyKind: "binary",
    maxUploadBytes: () => maxQualityDocumentBytes,
    responses: {
      201: { schema: apiQualityDocumentSchema, description: "The document as kept with the job." },
    },
  },
);

export const listPayoutsOperation = supplierApi("listPayouts", "get /api/v1/payouts", {
  summary: "List your payouts",
  description:
    "What the platform pays you per job, newest first: due after the buyer's complaint window, then paid " +
    "against a self-billing invoice. `statusText` says how each stands in the payouts page's words.",
  scope: "payouts:read",
  ...pagedListing(apiPayoutSchema, payoutListFilter, "A page of payouts."),
});
