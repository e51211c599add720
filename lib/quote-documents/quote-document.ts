import type { PurchaseReference } from "../documents/purchase-reference-lines";

/** Everything a quote PDF and the shared-quote page show, as loadQuoteDocument reads it. */
export interface QuoteDocument {
  quoteId: string;
  /** QT-2026-000001. */
  number: string;
  issuedAt: Date;
  validUntil: Date;
  expired: boolean;
  companyName: string;
  preparedBy: string | null;
  fileName: string;
  fileSizeBytes: number;
  /** Bounding box edges in mm, longest first; empty when the analysis has none. */
  partSizeMm: number[];
  /** Names, never codes. */
  processName: string;
  materialName: string;
  finishName: string;
  toleranceName: string;
  quantity: number;
  unitPriceCents: number;
  totalPriceCents: number;
  /** The small-order surcharge included in the total (lib/small-orders), 0 for none. */
  smallOrderSurchargeCents: number;
  currency: string;
  deliveryDate: Date;
  /** The buyer's own references, when given for this copy of the PDF. */
  reference?: PurchaseReference;
}
