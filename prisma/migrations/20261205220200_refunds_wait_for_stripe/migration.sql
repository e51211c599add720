-- Issue 19 (decision 0028): card refunds stay PENDING until Stripe says succeeded or failed; a failed one
-- is followed up once by operations (a retry, or a bank transfer they make).
CREATE TYPE "RefundMethod" AS ENUM ('STRIPE', 'BANK_TRANSFER');

ALTER TABLE "Refund"
  ADD COLUMN "method" "RefundMethod" NOT NULL DEFAULT 'STRIPE',
  ADD COLUMN "stripeStatus" TEXT,
  ADD COLUMN "failedAt" TIMESTAMPTZ(3),
  ADD COLUMN "bankReference" TEXT,
  ADD COLUMN "followsRefundId" TEXT;

CREATE UNIQUE INDEX "Refund_followsRefundId_key" ON "Refund"("followsRefundId");

ALTER TABLE "Refund" ADD CONSTRAINT "Refund_followsRefundId_fkey" FOREIGN KEY ("followsRefundId")
  REFERENCES "Refund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
