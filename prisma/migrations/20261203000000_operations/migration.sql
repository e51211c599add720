-- Operations console: partner applications and audits with evidence files, settings versions with who
-- changed them, re-offers by hand (a line may be offered to the same partner again), remakes, answered
-- manual quotes, and payment terms that fall back to the platform's invoice terms.
ALTER TABLE "Company" ALTER COLUMN "paymentTermsDays" DROP NOT NULL, ALTER COLUMN "paymentTermsDays" DROP DEFAULT;
-- Nobody could give a company its own terms before: every 30 was the old default, now the platform's terms.
UPDATE "Company" SET "paymentTermsDays" = NULL WHERE "paymentTermsDays" = 30;
ALTER TABLE "Company" ADD COLUMN "website" text, ADD COLUMN "applicationReferences" text;

ALTER TABLE "PricingSettings" ADD COLUMN "changedById" text;
ALTER TABLE "PricingSettings" ADD CONSTRAINT "PricingSettings_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MatchingSettings" ADD COLUMN "changedById" text;
ALTER TABLE "MatchingSettings" ADD CONSTRAINT "MatchingSettings_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ManualQuoteRequest" ADD COLUMN "answeredById" text, ADD COLUMN "answeredAt" timestamp(3) with time zone, ADD COLUMN "answerNote" text, ADD COLUMN "declineReason" text;
ALTER TABLE "ManualQuoteRequest" ADD CONSTRAINT "ManualQuoteRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ManualQuoteRequest" ADD CONSTRAINT "ManualQuoteRequest_answeredQuoteId_fkey" FOREIGN KEY ("answeredQuoteId") REFERENCES "Quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "OrderLine" ADD COLUMN "remakeOfLineId" text, ADD COLUMN "remakeReason" text;
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_remakeOfLineId_fkey" FOREIGN KEY ("remakeOfLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

DROP INDEX "Offer_orderLineId_supplierCompanyId_key";
CREATE INDEX "Offer_orderLineId_supplierCompanyId_idx" ON "Offer"("orderLineId", "supplierCompanyId");
ALTER TABLE "Offer" ADD COLUMN "withdrawReason" text, ADD COLUMN "offeredById" text;
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_offeredById_fkey" FOREIGN KEY ("offeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "SupplierAudit" DROP COLUMN "evidence";
ALTER TABLE "SupplierAudit" ADD COLUMN "purpose" text NOT NULL DEFAULT 'Application', ADD COLUMN "decisionNote" text;

CREATE TABLE "AuditEvidence" (
    "id" text NOT NULL,
    "auditId" text NOT NULL,
    "fileName" text NOT NULL,
    "storageKey" text NOT NULL,
    "sizeBytes" integer NOT NULL,
    "description" text NOT NULL,
    "uploadedById" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvidence_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditEvidence_auditId_createdAt_idx" ON "AuditEvidence"("auditId", "createdAt");
ALTER TABLE "AuditEvidence" ADD CONSTRAINT "AuditEvidence_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "SupplierAudit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AuditEvidence" ADD CONSTRAINT "AuditEvidence_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
