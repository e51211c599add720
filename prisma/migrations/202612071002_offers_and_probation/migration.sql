-- Issue 21 (i21-offers, docs/decisions/0040): who withdrew an offer, and probation after an approval
-- with conditions.
CREATE TYPE "OfferWithdrawer" AS ENUM ('OPERATIONS', 'BUYER');

ALTER TABLE "Offer" ADD COLUMN "withdrawnBy" "OfferWithdrawer";

CREATE TABLE "SupplierProbation" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "auditId" TEXT,
    "maxOrderValueCents" INTEGER,
    "maxOpenJobs" INTEGER,
    "conditionsDueOn" DATE NOT NULL,
    "startedById" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" TEXT,
    "liftReason" TEXT,

    CONSTRAINT "SupplierProbation_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SupplierProbation_companyId_liftedAt_idx" ON "SupplierProbation"("companyId", "liftedAt");

ALTER TABLE "SupplierProbation" ADD CONSTRAINT "SupplierProbation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
