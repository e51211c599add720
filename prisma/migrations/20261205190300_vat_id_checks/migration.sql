-- Issue 18: VAT IDs confirmed through VIES before reverse charge, and what the invoice rests on.
CREATE TYPE "VatIdStatus" AS ENUM ('CONFIRMED', 'TO_RECHECK', 'NOT_VALID');
CREATE TYPE "VatIdCheckOutcome" AS ENUM ('CONFIRMED', 'NOT_VALID', 'UNAVAILABLE');
CREATE TYPE "VatTreatment" AS ENUM ('GERMAN_VAT', 'REVERSE_CHARGE', 'EXPORT');

CREATE TABLE "VatIdCheck" (
    "id" TEXT NOT NULL,
    "vatId" TEXT NOT NULL,
    "companyId" TEXT,
    "outcome" "VatIdCheckOutcome" NOT NULL,
    "viesRequestDate" TIMESTAMPTZ(3),
    "consultationNumber" TEXT,
    "traderName" TEXT,
    "traderAddress" TEXT,
    "errorCode" TEXT,
    "trigger" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VatIdCheck_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "VatIdCheck_vatId_createdAt_idx" ON "VatIdCheck"("vatId", "createdAt");
CREATE INDEX "VatIdCheck_companyId_createdAt_idx" ON "VatIdCheck"("companyId", "createdAt");
ALTER TABLE "VatIdCheck" ADD CONSTRAINT "VatIdCheck_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Company" ADD COLUMN "vatIdStatus" "VatIdStatus",
    ADD COLUMN "vatIdConfirmedAt" TIMESTAMPTZ(3);

ALTER TABLE "Order" ADD COLUMN "vatTreatment" "VatTreatment",
    ADD COLUMN "vatIdCheckId" TEXT,
    ADD COLUMN "vatIdConfirmedAt" TIMESTAMPTZ(3),
    ADD COLUMN "vatIdConsultationNumber" TEXT;
ALTER TABLE "Order" ADD CONSTRAINT "Order_vatIdCheckId_fkey" FOREIGN KEY ("vatIdCheckId") REFERENCES "VatIdCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
