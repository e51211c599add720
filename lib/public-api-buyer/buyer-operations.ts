import { z } from "zod";
import { checkPartFileName } from "../parts/check-part-file-name";
import { apiOperationsTagged } from "../public-api/api-operation";
import { fileNameFromHeader } from "../public-api/file-name-header";
import { pageSchema, paginationQuerySchema } from "../public-api/paginate";
import {
  createQuoteBodySchema,
  orderEnvelopeSchema,
  orderSummarySchema,
  partEnvelopeSchema,
  partPricesSchema,
  placeOrderBodySchema,
  quoteEnvelopeSchema,
} from "./buyer-api-schemas";

/**
 * The buyers' operations of the public API (issue 24): definitions only (no server code), so the OpenAPI
 * document and the tests read them anywhere. Their handlers are in this folder, their routes in app/api/v1.
 */
const partId = z.object({ partId: z.string().min(1).max(64) });
const orderId = z.object({ orderId: z.string().min(1).max(64) });
const partsApi = apiOperationsTagged("Parts");
const quotesApi = apiOperationsTagged("Quotes");
const ordersApi = apiOperationsTagged("Orders");

export const uploadPartOperation = partsApi("uploadPart", "post /api/v1/parts", {
  summary: "Upload a part",
  description:
    "The body is the CAD file's bytes (STEP, IGES, BREP, STL, OBJ, 3MF or DXF), its name in the `x-file-name` " +
    "header (URL-encoded). The analysis runs in the background: poll getPart until ANALYZED.",
  scope: "parts:write",
  bodyKind: "binary",
  headers: z.object({
    "x-file-name": z
      .string()
      .min(1)
      .max(1024)
      .describe("The file's name, URL-encoded (encodeURIComponent); a name sent as raw UTF-8 is read as UTF-8."),
  }),
  checkUploadHeaders: (headers) => checkPartFileName(fileNameFromHeader(String(headers["x-file-name"]))),
  responses: {
    201: {
      description: "The part, being analysed (or analysed, if the same file was analysed before).",
      schema: partEnvelopeSchema,
    },
  },
});

export const getPartOperation = partsApi("getPart", "get /api/v1/parts/{partId}", {
  summary: "Follow a part's analysis",
  scope: "parts:write",
  params: partId,
  responses: {
    200: { description: "The part and, once analysed, its analysis.", schema: partEnvelopeSchema },
  },
});

export const listPartPricesOperation = partsApi("listPartPrices", "get /api/v1/parts/{partId}/prices", {
  summary: "List processes and prices for a part",
  description: "Every process's price at one quantity, each in its cheapest material, cheapest first.",
  scope: "parts:write",
  params: partId,
  query: z.object({ quantity: z.coerce.number().int().min(1).max(100_000).default(1) }),
  responses: {
    200: { description: "Priced processes and those a person prices.", schema: partPricesSchema },
  },
});

export const createQuoteOperation = quotesApi("createQuote", "post /api/v1/quotes", {
  summary: "Create a quote",
  description:
    "Prices the part on the server for the options and stores the quote, to be ordered until validUntil.",
  scope: "quotes:write",
  body: createQuoteBodySchema,
  responses: { 201: { description: "The stored quote.", schema: quoteEnvelopeSchema } },
});

export const placeOrderOperation = ordersApi("placeOrder", "post /api/v1/orders", {
  summary: "Place an order",
  description:
    "Orders the quotes as one order, by invoice (for companies approved for it) or prepayment by bank " +
    "transfer. An order above the company's approval limit waits for an approver (AWAITING_APPROVAL).",
  scope: "orders:write",
  body: placeOrderBodySchema,
  responses: { 201: { description: "The order.", schema: orderEnvelopeSchema } },
});

export const listOrdersOperation = ordersApi("listOrders", "get /api/v1/orders", {
  summary: "List orders with status and tracking",
  scope: "orders:read",
  query: paginationQuerySchema,
  responses: {
    200: { description: "A page of orders, newest first.", schema: pageSchema(orderSummarySchema) },
  },
});

export const getOrderOperation = ordersApi("getOrder", "get /api/v1/orders/{orderId}", {
  summary: "Get an order",
  scope: "orders:read",
  params: orderId,
  responses: {
    200: { description: "The order with its lines, shipments and documents.", schema: orderEnvelopeSchema },
  },
});

export const downloadOrderDocumentOperation = ordersApi(
  "downloadOrderDocument",
  "get /api/v1/orders/{orderId}/documents/{document}",
  {
    summary: "Download an order document",
    description:
      "`confirmation.pdf`, `invoice.pdf` (once issued), `pro-forma.pdf` (bank transfer orders) or a " +
      "supplementary invoice by its number (`INV-2026-000123.pdf`); the order's `documents` lists them.",
    scope: "documents:read",
    params: orderId.extend({ document: z.string().min(1).max(64) }),
    responses: { 200: { description: "The PDF.", contentType: "application/pdf" } },
  },
);
