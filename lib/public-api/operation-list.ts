import type { ApiOperation } from "./api-operation";
import { uploadPartOperation } from "../public-api-buyer/buyer-operations";
import { getPartOperation } from "../public-api-buyer/buyer-operations";
import { listPartPricesOperation } from "../public-api-buyer/buyer-operations";
import { createQuoteOperation } from "../public-api-buyer/buyer-operations";
import { placeOrderOperation } from "../public-api-buyer/buyer-operations";
import { listOrdersOperation } from "../public-api-buyer/buyer-operations";
import { getOrderOperation } from "../public-api-buyer/buyer-operations";
import { downloadOrderDocumentOperation } from "../public-api-buyer/buyer-operations";
import { listOffersOperation } from "../supplier-api/supplier-api-operations";
import { getOfferOperation } from "../supplier-api/supplier-api-operations";
import { acceptOfferOperation } from "../supplier-api/supplier-api-operations";
import { rejectOfferOperation } from "../supplier-api/supplier-api-operations";
import { counterOfferOperation } from "../supplier-api/supplier-api-operations";
import { listJobsOperation } from "../supplier-api/supplier-api-operations";
import { getJobOperation } from "../supplier-api/supplier-api-operations";
import { updateJobStatusOperation } from "../supplier-api/supplier-api-operations";
import { shipJobOperation } from "../supplier-api/supplier-api-operations";
import { uploadQualityDocumentOperation } from "../supplier-api/supplier-api-operations";
import { listPayoutsOperation } from "../supplier-api/supplier-api-operations";

/**
 * Every operation of the public API, one import and one line each (keep it so: branches add lines side by
 * side). The OpenAPI document (openapi-document.ts) and the contract test are built from this list; each
 * operation's route file under app/api/v1 exports publicApiRoute(operation, handler).
 */
export const apiOperations: ApiOperation[] = [
  uploadPartOperation,
  getPartOperation,
  listPartPricesOperation,
  createQuoteOperation,
  placeOrderOperation,
  listOrdersOperation,
  getOrderOperation,
  downloadOrderDocumentOperation,
  listOffersOperation,
  getOfferOperation,
  acceptOfferOperation,
  rejectOfferOperation,
  counterOfferOperation,
  listJobsOperation,
  getJobOperation,
  updateJobStatusOperation,
  shipJobOperation,
  uploadQualityDocumentOperation,
  listPayoutsOperation,
];
