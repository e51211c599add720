-- Money: partners' payout details (Stripe Connect readiness, bank details for manual transfers), payouts
-- that operations cancel after an upheld complaint, refunds tied to complaints and credit notes, and a
-- ledger per order with the nightly check's results.
ALTER TYPE "PayoutStatus" ADD VALUE 'CANCELLED';

ALTER TABLE "Company" ADD COLUMN "stripePayoutsEnabled" boolean NOT NULL DEFAULT false, ADD COLUMN "bankAccountHolder" text, ADD COLUMN "bankIban" text, ADD COLUMN "bankBic" text;

ALTER TABLE "Invoice" ADD COLUMN "note" text;

ALTER TABLE "Payout" ADD COLUMN "failureReason" text, ADD COLUMN "transferReference" text;

ALTER TABLE "Refund" ADD COLUMN "complaintId" text, ADD COLUMN "creditNoteId" text, ADD COLUMN "failureReason" text, ADD COLUMN "requestedById" text, ADD COLUMN "completedAt" timestamp(3) with time zone;
CREATE UNIQUE INDEX "Refund_creditNoteId_key" ON "Refund"("creditNoteId");
CREATE INDEX "Refund_status_createdAt_idx" ON "Refund"("status", "createdAt");
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TYPE "LedgerAccount" AS ENUM ('BUYER', 'VAT', 'PARTNER', 'MARGIN');

CREATE TABLE "LedgerEntry" (
    "id" text NOT NULL,
    "orderId" text NOT NULL,
    "orderLineId" text,
    "account" "LedgerAccount" NOT NULL,
    "amountCents" integer NOT NULL,
    "currency" character(3) NOT NULL,
    "sourceType" text NOT NULL,
    "sourceId" text NOT NULL,
    "description" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "LedgerEntry_sourceType_sourceId_account_key" ON "LedgerEntry"("sourceType", "sourceId", "account");
CREATE INDEX "LedgerEntry_orderId_idx" ON "LedgerEntry"("orderId");
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "LedgerCheck" (
    "id" text NOT NULL,
    "ranAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ordersChecked" integer NOT NULL,
    "stripeChecked" boolean NOT NULL,
    "differences" jsonb NOT NULL,
    "durationMs" double precision NOT NULL,
    CONSTRAINT "LedgerCheck_pkey" PRIMARY KEY ("id")
);
