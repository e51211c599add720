-- Issue 21 (i21-talk): the partner answers a complaint before operations decide; messages per job
-- between the partner and operations, and between the buyer and operations (docs/decisions/0042).
ALTER TABLE "Complaint" ADD COLUMN "supplierAnswerDueAt" TIMESTAMPTZ(3);
ALTER TABLE "Complaint" ADD COLUMN "supplierAnswer" TEXT;
ALTER TABLE "Complaint" ADD COLUMN "supplierAnswerPhotoKeys" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Complaint" ADD COLUMN "supplierAnsweredAt" TIMESTAMPTZ(3);
ALTER TABLE "Complaint" ADD COLUMN "supplierAnsweredById" TEXT;
ALTER TABLE "Complaint" ADD COLUMN "earlyDecisionReason" TEXT;
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_supplierAnsweredById_fkey" FOREIGN KEY ("supplierAnsweredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TYPE "JobMessageThread" AS ENUM ('PARTNER', 'BUYER');

CREATE TABLE "JobMessage" (
    "id" text NOT NULL,
    "thread" "JobMessageThread" NOT NULL,
    "orderId" text NOT NULL,
    "orderLineId" text,
    "authorUserId" text NOT NULL,
    "authorSide" text NOT NULL,
    "text" text NOT NULL,
    "forwardedFromId" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JobMessage_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "JobMessage_orderId_thread_createdAt_idx" ON "JobMessage"("orderId", "thread", "createdAt");

CREATE INDEX "JobMessage_orderLineId_thread_createdAt_idx" ON "JobMessage"("orderLineId", "thread", "createdAt");

ALTER TABLE "JobMessage" ADD CONSTRAINT "JobMessage_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "JobMessage" ADD CONSTRAINT "JobMessage_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "JobMessage" ADD CONSTRAINT "JobMessage_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "JobMessage" ADD CONSTRAINT "JobMessage_forwardedFromId_fkey" FOREIGN KEY ("forwardedFromId") REFERENCES "JobMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
