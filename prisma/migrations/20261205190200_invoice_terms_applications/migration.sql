-- Issue 18: buyers apply for invoice terms; operations approve (credit limit, payment terms) or decline.
CREATE TYPE "InvoiceTermsApplicationStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN');

CREATE TABLE "InvoiceTermsApplication" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "appliedById" text,
    "status" "InvoiceTermsApplicationStatus" NOT NULL DEFAULT 'PENDING'::"InvoiceTermsApplicationStatus",
    "registerNumber" text NOT NULL,
    "registerCourt" text NOT NULL,
    "expectedMonthlyVolumeCents" integer NOT NULL,
    "billingContactName" text NOT NULL,
    "billingContactEmail" text NOT NULL,
    "note" text,
    "decidedById" text,
    "decidedAt" timestamp(3) with time zone,
    "creditLimitCents" integer,
    "paymentTermsDays" integer,
    "declineReason" text,
    "withdrawnAt" timestamp(3) with time zone,
    "withdrawnReason" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "InvoiceTermsApplication_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "InvoiceTermsApplication_companyId_createdAt_idx" ON "InvoiceTermsApplication"("companyId", "createdAt");

CREATE INDEX "InvoiceTermsApplication_status_createdAt_idx" ON "InvoiceTermsApplication"("status", "createdAt");

ALTER TABLE "InvoiceTermsApplication" ADD CONSTRAINT "InvoiceTermsApplication_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "InvoiceTermsApplication" ADD CONSTRAINT "InvoiceTermsApplication_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "InvoiceTermsApplication" ADD CONSTRAINT "InvoiceTermsApplication_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
