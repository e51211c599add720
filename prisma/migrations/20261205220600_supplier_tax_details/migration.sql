-- Issue 19 (i19-selfbill): suppliers' tax details, and what each self-billing invoice rests on
-- (§ 14 (4) UStG: the supplier's tax number or VAT ID, the VAT rule and its note).
ALTER TABLE "Company" ADD COLUMN "taxNumber" text;
ALTER TABLE "Company" ADD COLUMN "smallBusiness" boolean NOT NULL DEFAULT false;

CREATE TYPE "SupplierVatTreatment" AS ENUM ('GERMAN_VAT', 'SMALL_BUSINESS', 'REVERSE_CHARGE', 'OUTSIDE_EU');

ALTER TABLE "Invoice" ADD COLUMN "supplierVatTreatment" "SupplierVatTreatment";
ALTER TABLE "Invoice" ADD COLUMN "supplierVatId" text;
ALTER TABLE "Invoice" ADD COLUMN "supplierTaxNumber" text;
ALTER TABLE "Invoice" ADD COLUMN "supplierVatIdConfirmedAt" timestamp(3) with time zone;
