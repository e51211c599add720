-- Issue 21 (i21-price, docs/decisions/0047): a counteroffer price beyond the margin rule asks the buyer to
-- pay the difference: a supplementary card payment, or a supplementary invoice.
ALTER TABLE "Counteroffer" ADD COLUMN "buyerPreviousNetCents" INTEGER;
ALTER TABLE "Counteroffer" ADD COLUMN "buyerNetCents" INTEGER;
ALTER TABLE "Counteroffer" ADD COLUMN "buyerVatPercent" INTEGER;
ALTER TABLE "Counteroffer" ADD COLUMN "supplementInvoiceId" TEXT;

CREATE UNIQUE INDEX "Counteroffer_supplementInvoiceId_key" ON "Counteroffer"("supplementInvoiceId");

ALTER TABLE "Counteroffer" ADD CONSTRAINT "Counteroffer_supplementInvoiceId_fkey" FOREIGN KEY ("supplementInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Payment" ADD COLUMN "counterofferId" TEXT;

CREATE INDEX "Payment_counterofferId_idx" ON "Payment"("counterofferId");

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_counterofferId_fkey" FOREIGN KEY ("counterofferId") REFERENCES "Counteroffer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
