-- Issue 18 (i18-docs): quote documents with expiring share links, the buyer's purchase-order number and
-- cost centre on the order, and the company's address book.
ALTER TABLE "Order" ADD COLUMN "purchaseOrderNumber" TEXT, ADD COLUMN "costCentre" TEXT;

ALTER TABLE "Quote" ADD COLUMN "documentNumber" TEXT;
CREATE UNIQUE INDEX "Quote_documentNumber_key" ON "Quote"("documentNumber");

CREATE TABLE "QuoteShareLink" (
    "id" text NOT NULL,
    "quoteId" text NOT NULL,
    "tokenHash" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuoteShareLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "QuoteShareLink_tokenHash_key" ON "QuoteShareLink"("tokenHash");
CREATE INDEX "QuoteShareLink_quoteId_idx" ON "QuoteShareLink"("quoteId");
ALTER TABLE "QuoteShareLink" ADD CONSTRAINT "QuoteShareLink_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TYPE "AddressKind" AS ENUM ('BILLING', 'SHIPPING');

CREATE TABLE "CompanyAddress" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "kind" "AddressKind" NOT NULL,
    "label" text NOT NULL,
    "name" text NOT NULL,
    "line" text NOT NULL,
    "postalCode" text NOT NULL,
    "city" text NOT NULL,
    "countryCode" character(2) NOT NULL,
    "isDefault" boolean NOT NULL DEFAULT false,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "CompanyAddress_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CompanyAddress_companyId_kind_idx" ON "CompanyAddress"("companyId", "kind");
ALTER TABLE "CompanyAddress" ADD CONSTRAINT "CompanyAddress_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
