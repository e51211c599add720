// Generated from the public API's OpenAPI document by `npm run api:client` (openapi-typescript).
// Do not edit: change the operations' zod schemas and run it again.
export interface paths {
  "/api/v1/parts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a part
     * @description The body is the CAD file's bytes (STEP, IGES, BREP, STL, OBJ, 3MF or DXF), its name in the `x-file-name` header (URL-encoded). The analysis runs in the background: poll getPart until ANALYZED.
     *
     *     Scope: `parts:write`.
     */
    post: operations["uploadPart"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/parts/{partId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow a part's analysis
     * @description Scope: `parts:write`.
     */
    get: operations["getPart"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/parts/{partId}/prices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List processes and prices for a part
     * @description Every process's price at one quantity, each in its cheapest material, cheapest first.
     *
     *     Scope: `parts:write`.
     */
    get: operations["listPartPrices"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/quotes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a quote
     * @description Prices the part on the server for the options and stores the quote, to be ordered until validUntil.
     *
     *     Scope: `quotes:write`.
     */
    post: operations["createQuote"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List orders with status and tracking
     * @description Scope: `orders:read`.
     */
    get: operations["listOrders"];
    put?: never;
    /**
     * Place an order
     * @description Orders the quotes as one order, by invoice (for companies approved for it) or prepayment by bank transfer. An order above the company's approval limit waits for an approver (AWAITING_APPROVAL).
     *
     *     Scope: `orders:write`.
     */
    post: operations["placeOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders/{orderId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an order
     * @description Scope: `orders:read`.
     */
    get: operations["getOrder"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders/{orderId}/documents/{document}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download an order document
     * @description `confirmation.pdf`, `invoice.pdf` (once issued), `pro-forma.pdf` (bank transfer orders) or a supplementary invoice by its number (`INV-2026-000123.pdf`); the order's `documents` lists them.
     *
     *     Scope: `documents:read`.
     */
    get: operations["downloadOrderDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/offers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your offers
     * @description The jobs the platform offers your company, newest first: the open ones and the answers of the last 30 days. Answer each before `expiresAt`; no answer counts as a rejection. The CAD file comes with the job once you accept.
     *
     *     Scope: `offers:read`.
     */
    get: operations["listOffers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/offers/{offerId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get one of your offers
     * @description Scope: `offers:read`.
     */
    get: operations["getOffer"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/offers/{offerId}/accept": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an offer
     * @description The job becomes yours at the offered price and date; its CAD file and quality requirements open to you. Refused (409) once the offer expired, was withdrawn or answered, or while your company is suspended.
     *
     *     Scope: `offers:write`.
     */
    post: operations["acceptOffer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/offers/{offerId}/reject": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject an offer with a reason
     * @description The platform offers the job to the next partner. The reason OTHER needs a note.
     *
     *     Scope: `offers:write`.
     */
    post: operations["rejectOffer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/offers/{offerId}/counteroffer": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Answer an offer with another price or date
     * @description Within the platform's margin rules and the buyer's date it is accepted at once (outcome `accepted`, the job is yours); otherwise the buyer decides by `decideBy` (outcome `awaiting_buyer`). One counteroffer per offer; a price above the cap is refused (422).
     *
     *     Scope: `offers:write`.
     */
    post: operations["counterOffer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your jobs
     * @description The jobs you accepted, from acceptance to delivery, newest first, with parcels and documents.
     *
     *     Scope: `offers:read`.
     */
    get: operations["listJobs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs/{jobId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get one of your jobs
     * @description Scope: `offers:read`.
     */
    get: operations["getJob"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs/{jobId}/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a job's progress
     * @description IN_PRODUCTION, then QUALITY_CHECK (optional). Shipping is a parcel: POST /api/v1/jobs/{jobId}/shipments. A step the job's status does not allow is refused (409); `nextSteps` on the job lists the allowed ones.
     *
     *     Scope: `jobs:write`.
     */
    post: operations["updateJobStatus"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs/{jobId}/shipments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ship a parcel of a job
     * @description Carrier, tracking number (checked against the carrier's format) and how many parts the parcel holds. The buyer is e-mailed the tracking link. Once the parcels hold the whole quantity the job is SHIPPED. Refused (409) until the job is in production and every quality document the order asks for is uploaded.
     *
     *     Scope: `jobs:write`.
     */
    post: operations["shipJob"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs/{jobId}/quality-documents": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a quality document for a job
     * @description The file's bytes as the body (PDF; an inspection report may also be PNG or JPEG, checked by the first bytes), at most 10 MB, its kind in `?kind=` and its name in `X-File-Name` (URL-encoded). While the job is open (accepted to quality check); the buyer can download it.
     *
     *     Scope: `jobs:write`.
     */
    post: operations["uploadQualityDocument"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payouts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your payouts
     * @description What the platform pays you per job, newest first: due after the buyer's complaint window, then paid against a self-billing invoice. `statusText` says how each stands in the payouts page's words.
     *
     *     Scope: `payouts:read`.
     */
    get: operations["listPayouts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  "order.placed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An order was placed
     * @description Sent to the company's endpoints subscribed to `order.placed` (receiver: buyer). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_order_placed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order_line.accepted": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A partner accepted an order line
     * @description Sent to the company's endpoints subscribed to `order_line.accepted` (receiver: buyer). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_order_line_accepted"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "shipment.sent": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Parts were shipped
     * @description Sent to the company's endpoints subscribed to `shipment.sent` (receiver: buyer). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_shipment_sent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order_line.delivered": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An order line was delivered
     * @description Sent to the company's endpoints subscribed to `order_line.delivered` (receiver: both). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_order_line_delivered"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "invoice.issued": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An invoice or credit note was issued
     * @description Sent to the company's endpoints subscribed to `invoice.issued` (receiver: both). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_invoice_issued"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "quote.answered": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Operations answered a quote request
     * @description Sent to the company's endpoints subscribed to `quote.answered` (receiver: buyer). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_quote_answered"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "offer.received": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A job was offered to you
     * @description Sent to the company's endpoints subscribed to `offer.received` (receiver: supplier). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_offer_received"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "offer.withdrawn": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An offer to you was withdrawn
     * @description Sent to the company's endpoints subscribed to `offer.withdrawn` (receiver: supplier). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_offer_withdrawn"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "complaint.opened": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A buyer complained about your job
     * @description Sent to the company's endpoints subscribed to `complaint.opened` (receiver: supplier). Verify the `Webhook-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the endpoint's secret) on the raw body before parsing it; the event `id` stays the same on retries and replays. Answer 2xx within 10 s; anything else is retried with growing waits.
     */
    post: operations["webhook_complaint_opened"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    Part: {
      id: string;
      fileName: string;
      format: string;
      sizeBytes: number;
      /**
       * @description Poll GET /api/v1/parts/{partId} until ANALYZED or FAILED.
       * @enum {string}
       */
      status: "UPLOADED" | "ANALYZING" | "ANALYZED" | "FAILED";
      /**
       * Format: date-time
       * @description ISO 8601 date and time (UTC).
       */
      createdAt: string;
      failure?: {
        code: string | null;
        message: string | null;
      };
      /** @description Present once ANALYZED. */
      analysis?: {
        volumeMm3: number;
        areaMm2: number;
        boundingBoxMm: {
          x: number;
          y: number;
          z: number;
        };
        /** @description The unit the file was drawn in; `unknown` for STL and OBJ (read as mm). */
        sourceUnit: string;
        /** @description Recognised as sheet metal (bent or flat). */
        sheetMetal: boolean;
        notices: {
          code: string;
          severity: string;
          message: string;
        }[];
        /** @description What each process cannot make as drawn (error), or only at extra cost (warning). */
        dfm: {
          code: string;
          process: string;
          /** @enum {string} */
          severity: "error" | "warning";
          message: string;
        }[];
      };
    };
    Problem: {
      /** @description A URI naming the kind of problem; the reference page explains each. */
      type: string;
      title: string;
      status: number;
      /** @description What went wrong and what to do, for a person. */
      detail: string;
      /** @description The request's path. */
      instance: string;
      /** @enum {string} */
      code:
        | "bad_request"
        | "validation_failed"
        | "unauthenticated"
        | "forbidden"
        | "not_found"
        | "conflict"
        | "invalid_state_transition"
        | "payload_too_large"
        | "unsupported_media_type"
        | "rate_limited"
        | "service_unavailable"
        | "internal_error";
      requestId: string;
      errors?: {
        path: string;
        message: string;
      }[];
      retryAfterSeconds?: number;
    };
    PartPrices: {
      partId: string;
      quantity: number;
      /** @description Priced from the measurement before features; final once ANALYZED. */
      preliminary: boolean;
      /** @description Cheapest first, each process in its cheapest material. */
      priced: components["schemas"]["PriceOption"][];
      manual: components["schemas"]["ManualPrice"][];
    };
    PriceOption: {
      /** @enum {string} */
      process:
        | "cnc_milling"
        | "cnc_turning"
        | "fdm"
        | "sla"
        | "sls"
        | "mjf"
        | "metal_pbf"
        | "sheet_metal"
        | "laser_cutting";
      material: {
        code: string;
        name: string;
      };
      finish: {
        code: string;
        name: string;
      };
      tolerance: string;
      quantity: number;
      /** @enum {string} */
      currency: "EUR";
      unitPriceCents: number;
      /** @description Net, with a small-order surcharge where one applies. */
      totalPriceCents: number;
      smallOrderSurchargeCents: number;
      /**
       * Format: date
       * @description ISO 8601 date.
       */
      deliveryDate: string;
      /**
       * Format: date
       * @description ISO 8601 date.
       */
      earliestDeliveryDate: string;
      /**
       * Format: date
       * @description ISO 8601 date.
       */
      validUntil: string;
      warnings: string[];
    };
    ManualPrice: {
      /** @enum {string} */
      process:
        | "cnc_milling"
        | "cnc_turning"
        | "fdm"
        | "sla"
        | "sls"
        | "mjf"
        | "metal_pbf"
        | "sheet_metal"
        | "laser_cutting";
      material: {
        code: string;
        name: string;
      };
      quantity: number;
      /** @description Why a person prices this (or why the process cannot make it). */
      reasons: string[];
      cannotMake: boolean;
    };
    Quote: {
      id: string;
      partId: string;
      status: string;
      process: string;
      materialCode: string;
      finishCode: string;
      tolerance: string;
      quantity: number;
      currency: string;
      unitPriceCents: number;
      /** @description Net, with any small-order surcharge. */
      totalPriceCents: number;
      smallOrderSurchargeCents: number;
      /**
       * Format: date
       * @description ISO 8601 date.
       */
      deliveryDate: string;
      /**
       * Format: date-time
       * @description ISO 8601 date and time (UTC).
       */
      validUntil: string;
      /**
       * Format: date-time
       * @description ISO 8601 date and time (UTC).
       */
      createdAt: string;
    };
    CreateQuote: {
      partId: string;
      /** @enum {string} */
      process:
        | "cnc_milling"
        | "cnc_turning"
        | "fdm"
        | "sla"
        | "sls"
        | "mjf"
        | "metal_pbf"
        | "sheet_metal"
        | "laser_cutting";
      materialCode: string;
      finishCode?: string;
      /** @enum {string} */
      tolerance?: "coarse" | "medium" | "fine" | "tighter";
      quantity: number;
      /**
       * Format: date
       * @description Default: the standard delivery date.
       */
      deliveryDate?: string;
    };
    Order: {
      id: string;
      number: string;
      /** @enum {string} */
      status:
        "AWAITING_APPROVAL" | "AWAITING_PAYMENT" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
      /** @enum {string} */
      paymentMethod: "CARD" | "INVOICE" | "BANK_TRANSFER";
      currency: string;
      subtotalCents: number;
      vatCents: number;
      totalCents: number;
      purchaseOrderNumber: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 date and time (UTC).
       */
      createdAt: string;
      lines: components["schemas"]["OrderLine"][];
      /** @description For BANK_TRANSFER: the reference to pay under. */
      paymentReference: string | null;
      /** @description PDFs to download (scope documents:read). */
      documents: {
        name: string;
        url: string;
      }[];
    };
    OrderLine: {
      id: string;
      partId: string;
      fileName: string;
      /** @enum {string} */
      status:
        | "AWAITING_MATCH"
        | "OFFERED"
        | "UNMATCHED"
        | "ACCEPTED"
        | "IN_PRODUCTION"
        | "QUALITY_CHECK"
        | "SHIPPED"
        | "DELIVERED"
        | "CANCELLED";
      process: string;
      materialCode: string;
      quantity: number;
      totalPriceCents: number;
      /**
       * Format: date
       * @description ISO 8601 date.
       */
      deliveryDate: string;
      /**
       * Format: date-time
       * @description ISO 8601 date and time (UTC).
       */
      shippedAt: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 date and time (UTC).
       */
      deliveredAt: string | null;
      shipments: {
        carrier: string;
        trackingNumber: string;
        trackingUrl: string | null;
        quantity: number;
        /**
         * Format: date-time
         * @description ISO 8601 date and time (UTC).
         */
        shippedAt: string;
      }[];
    };
    PlaceOrder: {
      quoteIds: string[];
      /**
       * @description INVOICE (companies approved for it) or BANK_TRANSFER (prepayment: pay the pro-forma invoice).
       * @enum {string}
       */
      paymentMethod: "INVOICE" | "BANK_TRANSFER";
      companyName: string;
      vatNumber?: string;
      billingAddress: {
        name: string;
        line: string;
        /** @description As the country writes it (checked per country, e.g. 5 digits in Germany, 4 in Austria). */
        postalCode: string;
        city: string;
        countryCode: string;
      };
      shippingAddress: {
        name: string;
        line: string;
        /** @description As the country writes it (checked per country, e.g. 5 digits in Germany, 4 in Austria). */
        postalCode: string;
        city: string;
        countryCode: string;
      };
      purchaseOrderNumber?: string;
      costCentre?: string;
      /**
       * @description You accept the terms of business and have read the privacy notice.
       * @enum {boolean}
       */
      acceptTerms: true;
    };
    OrderSummary: {
      id: string;
      number: string;
      /** @enum {string} */
      status:
        "AWAITING_APPROVAL" | "AWAITING_PAYMENT" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
      /** @enum {string} */
      paymentMethod: "CARD" | "INVOICE" | "BANK_TRANSFER";
      currency: string;
      subtotalCents: number;
      vatCents: number;
      totalCents: number;
      purchaseOrderNumber: string | null;
      /**
       * Format: date-time
       * @description ISO 8601 date and time (UTC).
       */
      createdAt: string;
      lines: components["schemas"]["OrderLine"][];
    };
    PartnerOffer: {
      id: string;
      /** @enum {string} */
      status: "PENDING" | "ACCEPTED" | "REJECTED" | "EXPIRED" | "WITHDRAWN" | "COUNTERED";
      /** @description What the platform pays the partner for the whole job, net. */
      priceCents: number;
      currency: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description Accept, reject or counter before this; then it counts as a rejection.
       */
      expiresAt: string;
      /** Format: date-time */
      respondedAt: string | null;
      rejectReason: string | null;
      counteroffer: components["schemas"]["PartnerCounteroffer"];
      job: components["schemas"]["PartnerJobSpec"];
    };
    PartnerCounteroffer: {
      /** @enum {string} */
      status: "AWAITING_BUYER" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "WITHDRAWN";
      proposedPriceCents: number;
      /** Format: date */
      proposedDeliveryDate: string;
      /**
       * Format: date-time
       * @description Until when the buyer decides; null when accepted by the rules.
       */
      decideBy: string | null;
    } | null;
    PartnerJobSpec: {
      /** @description The order line's id; after acceptance it names the job. */
      jobId: string;
      orderNumber: string;
      /** @description The part's file name as the buyer uploaded it. */
      fileName: string;
      quantity: number;
      /** @enum {string} */
      process:
        | "CNC_MILLING"
        | "CNC_TURNING"
        | "FDM"
        | "SLA"
        | "SLS"
        | "MJF"
        | "METAL_PBF"
        | "SHEET_METAL"
        | "LASER_CUTTING";
      materialCode: string;
      finish: string;
      toleranceClass: string;
      /** @description The part's bounding box, millimetres, largest first. */
      partSizeMm: number[];
      estimatedMachineHours: number;
      /**
       * Format: date
       * @description The day the parts must reach the buyer.
       */
      deliveryDate: string;
      requiredQualityDocuments: (
        "INSPECTION_REPORT" | "CERTIFICATE_OF_CONFORMITY" | "MATERIAL_CERTIFICATE_3_1"
      )[];
      requiredCertificates: string[];
    };
    PartnerJob: {
      /** @description The order line's id; after acceptance it names the job. */
      jobId: string;
      orderNumber: string;
      /** @description The part's file name as the buyer uploaded it. */
      fileName: string;
      quantity: number;
      /** @enum {string} */
      process:
        | "CNC_MILLING"
        | "CNC_TURNING"
        | "FDM"
        | "SLA"
        | "SLS"
        | "MJF"
        | "METAL_PBF"
        | "SHEET_METAL"
        | "LASER_CUTTING";
      materialCode: string;
      finish: string;
      toleranceClass: string;
      /** @description The part's bounding box, millimetres, largest first. */
      partSizeMm: number[];
      estimatedMachineHours: number;
      /**
       * Format: date
       * @description The day the parts must reach the buyer.
       */
      deliveryDate: string;
      requiredQualityDocuments: (
        "INSPECTION_REPORT" | "CERTIFICATE_OF_CONFORMITY" | "MATERIAL_CERTIFICATE_3_1"
      )[];
      requiredCertificates: string[];
      /** @enum {string} */
      status: "ACCEPTED" | "IN_PRODUCTION" | "QUALITY_CHECK" | "SHIPPED" | "DELIVERED";
      /** @description The accepted price for the whole job (a counteroffer the buyer accepted included). */
      priceCents: number | null;
      currency: string | null;
      shippedQuantity: number;
      shipments: components["schemas"]["PartnerShipment"][];
      qualityDocuments: components["schemas"]["PartnerQualityDocument"][];
      missingQualityDocuments: (
        "INSPECTION_REPORT" | "CERTIFICATE_OF_CONFORMITY" | "MATERIAL_CERTIFICATE_3_1"
      )[];
      nextSteps: ("IN_PRODUCTION" | "QUALITY_CHECK" | "SHIPPED")[];
    };
    PartnerShipment: {
      id: string;
      /** @description A carrier code (DHL, UPS, …, OTHER); older parcels may hold a typed name. */
      carrier: string;
      trackingNumber: string;
      trackingUrl: string | null;
      quantity: number;
      /** Format: date-time */
      shippedAt: string;
    };
    PartnerQualityDocument: {
      id: string;
      /** @enum {string} */
      kind: "INSPECTION_REPORT" | "CERTIFICATE_OF_CONFORMITY" | "MATERIAL_CERTIFICATE_3_1";
      fileName: string;
      contentType: string;
      sizeBytes: number;
      /** Format: date-time */
      createdAt: string;
    };
    PartnerPayout: {
      id: string;
      /** @enum {string} */
      status: "PENDING" | "HELD" | "PAID" | "FAILED" | "CANCELLED" | "WAITING";
      /** @description How the payout stands, in the words of the payouts page. */
      statusText: string;
      /** @enum {string} */
      method: "STRIPE_TRANSFER" | "MANUAL_TRANSFER";
      amountCents: number;
      currency: string;
      jobId: string;
      orderNumber: string;
      /** @description The self-billing invoice, once issued. */
      invoiceNumber: string | null;
      /** Format: date-time */
      dueAt: string | null;
      /** Format: date-time */
      paidAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  uploadPart: {
    parameters: {
      query?: never;
      header: {
        /** @description The file's name, URL-encoded (encodeURIComponent); a name sent as raw UTF-8 is read as UTF-8. */
        "x-file-name": string;
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/octet-stream": Blob;
      };
    };
    responses: {
      /** @description The part, being analysed (or analysed, if the same file was analysed before). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            part: components["schemas"]["Part"];
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The file is larger than the upload limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not a CAD file we read. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getPart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        partId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The part and, once analysed, its analysis. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            part: components["schemas"]["Part"];
          };
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listPartPrices: {
    parameters: {
      query?: {
        quantity?: number;
      };
      header?: never;
      path: {
        partId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Priced processes and those a person prices. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartPrices"];
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createQuote: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateQuote"];
      };
    };
    responses: {
      /** @description The stored quote. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            quote: components["schemas"]["Quote"];
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listOrders: {
    parameters: {
      query?: {
        /** @description The next_cursor of the previous page. */
        cursor?: string;
        /** @description Items per page, 1 to 100. */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of orders, newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: components["schemas"]["OrderSummary"][];
            /** @description Pass as ?cursor= for the next page; null on the last. */
            next_cursor: string | null;
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  placeOrder: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PlaceOrder"];
      };
    };
    responses: {
      /** @description The order. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            order: components["schemas"]["Order"];
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOrder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orderId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order with its lines, shipments and documents. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            order: components["schemas"]["Order"];
          };
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  downloadOrderDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orderId: string;
        document: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The PDF. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/pdf": Blob;
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listOffers: {
    parameters: {
      query?: {
        /** @description The next_cursor of the previous page. */
        cursor?: string;
        /** @description Items per page, 1 to 100. */
        limit?: number;
        /** @description Only offers in this status, e.g. PENDING: to answer now. */
        status?: "PENDING" | "ACCEPTED" | "REJECTED" | "EXPIRED" | "WITHDRAWN" | "COUNTERED";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of offers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: components["schemas"]["PartnerOffer"][];
            /** @description Pass as ?cursor= for the next page; null on the last. */
            next_cursor: string | null;
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOffer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        offerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The offer. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerOffer"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  acceptOffer: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path: {
        offerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the job's id. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            offerId: string;
            jobId: string;
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rejectOffer: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path: {
        offerId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          reason:
            | "NO_CAPACITY"
            | "MATERIAL_UNAVAILABLE"
            | "TOLERANCE_OR_FINISH"
            | "GEOMETRY"
            | "PRICE_TOO_LOW"
            | "MACHINE_DOWN"
            | "OTHER";
          /** @description Required when the reason is OTHER. */
          note?: string;
        };
      };
    };
    responses: {
      /** @description Rejected. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            offerId: string;
            /** @enum {string} */
            status: "REJECTED";
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  counterOffer: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path: {
        offerId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Your price for the whole job, net, in cents. */
          priceCents: number;
          /**
           * Format: date
           * @description The day you can deliver to the buyer by.
           */
          deliveryDate: string;
          note?: string;
        };
      };
    };
    responses: {
      /** @description The counteroffer and its outcome. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            counterofferId: string;
            offerId: string;
            jobId: string;
            /**
             * @description accepted: within the platform's rules, the job is yours; awaiting_buyer: the buyer decides.
             * @enum {string}
             */
            outcome: "accepted" | "awaiting_buyer";
            /** Format: date-time */
            decideBy: string | null;
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listJobs: {
    parameters: {
      query?: {
        /** @description The next_cursor of the previous page. */
        cursor?: string;
        /** @description Items per page, 1 to 100. */
        limit?: number;
        /** @description Only jobs in this status. */
        status?: "ACCEPTED" | "IN_PRODUCTION" | "QUALITY_CHECK" | "SHIPPED" | "DELIVERED";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of jobs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: components["schemas"]["PartnerJob"][];
            /** @description Pass as ?cursor= for the next page; null on the last. */
            next_cursor: string | null;
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerJob"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateJobStatus: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path: {
        jobId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description Progress; shipping goes through POST /jobs/{jobId}/shipments, with a tracking number.
           * @enum {string}
           */
          status: "IN_PRODUCTION" | "QUALITY_CHECK";
        };
      };
    };
    responses: {
      /** @description The job after the step. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerJob"];
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  shipJob: {
    parameters: {
      query?: never;
      header: {
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path: {
        jobId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          carrier:
            | "DHL"
            | "UPS"
            | "DPD"
            | "GLS"
            | "FEDEX"
            | "HERMES"
            | "POSTE_ITALIANE"
            | "BRT"
            | "POSTNL"
            | "INPOST"
            | "DB_SCHENKER"
            | "OTHER";
          trackingNumber: string;
          /** @description Parts in this parcel; the job ships once parcels hold them all. */
          quantity: number;
        };
      };
    };
    responses: {
      /** @description The parcel, and whether the job shipped. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            shipment: components["schemas"]["PartnerShipment"];
            shippedQuantity: number;
            /** @description True when this parcel completes the job: its status is now SHIPPED. */
            complete: boolean;
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  uploadQualityDocument: {
    parameters: {
      query: {
        kind: "INSPECTION_REPORT" | "CERTIFICATE_OF_CONFORMITY" | "MATERIAL_CERTIFICATE_3_1";
      };
      header: {
        /** @description The file's name, URL-encoded, e.g. inspection%20report.pdf. */
        "x-file-name": string;
        /** @description Required on every POST: the same key and body replay the first answer. */
        "idempotency-key": string;
      };
      path: {
        jobId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/octet-stream": Blob;
      };
    };
    responses: {
      /** @description The document as kept with the job. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerQualityDocument"];
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The file is larger than the upload limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not a CAD file we read. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listPayouts: {
    parameters: {
      query?: {
        /** @description The next_cursor of the previous page. */
        cursor?: string;
        /** @description Items per page, 1 to 100. */
        limit?: number;
        /** @description Only payouts in this status, e.g. WAITING: money to come. */
        status?: "PENDING" | "HELD" | "PAID" | "FAILED" | "CANCELLED" | "WAITING";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of payouts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: components["schemas"]["PartnerPayout"][];
            /** @description Pass as ?cursor= for the next page; null on the last. */
            next_cursor: string | null;
          };
        };
      };
      /** @description The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key lacks the operation's scope, or the company may not do this. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not found, or not the company's. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The Idempotency-Key was used for another request, or the state does not allow this. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The input failed validation. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  webhook_order_placed: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "order.placed";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            orderId: string;
            orderNumber: string;
            status: string;
            paymentMethod: string;
            totalCents: number;
            currency: string;
            lineCount: number;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_order_line_accepted: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "order_line.accepted";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            orderId: string;
            orderNumber: string;
            orderLineId: string;
            status: string;
            /** Format: date */
            deliveryDate: string;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_shipment_sent: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "shipment.sent";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            orderId: string;
            orderNumber: string;
            orderLineId: string;
            shipmentId?: string;
            quantity?: number;
            carrier: string;
            trackingNumber: string;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_order_line_delivered: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "order_line.delivered";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            orderId: string;
            orderLineId: string;
            status: string;
            /** Format: date-time */
            deliveredAt: string;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_invoice_issued: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "invoice.issued";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            invoiceId: string;
            invoiceNumber: string;
            kind: string;
            orderId: string | null;
            netCents: number;
            vatCents: number;
            totalCents: number;
            currency: string;
            /** Format: date */
            dueDate: string;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_quote_answered: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "quote.answered";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            manualQuoteRequestId: string;
            partId: string;
            status: string;
            quoteId: string | null;
            unitPriceCents: number | null;
            totalPriceCents: number | null;
            currency: string | null;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_offer_received: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "offer.received";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            offerId: string;
            orderLineId: string;
            supplierPriceCents: number;
            currency: string;
            /** Format: date-time */
            expiresAt: string;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_offer_withdrawn: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "offer.withdrawn";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            offerId: string;
            orderLineId: string;
            status: string;
            reason: string | null;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_complaint_opened: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex signature> */
        "webhook-signature": string;
        /** @description The event's id, as in the body. */
        "webhook-id": string;
        /** @description The event's type, as in the body. */
        "webhook-event": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          id: string;
          /** @enum {string} */
          type: "complaint.opened";
          /** Format: date-time */
          createdAt: string;
          companyId: string;
          data: {
            complaintId: string;
            orderLineId: string;
            status: string;
            /** Format: date-time */
            supplierAnswerDueAt: string | null;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx: received. Other answers and timeouts are retried. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
