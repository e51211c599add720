-- Issue 19: transfers funded from their charge (source_transaction), retried with backoff when Stripe
-- reports too little balance, and reversals recorded on the payout.
ALTER TABLE "Payment" ADD COLUMN "stripeChargeId" TEXT;

ALTER TABLE "Payout" ADD COLUMN "transferAttempts" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "nextTransferAttemptAt" TIMESTAMPTZ(3),
  ADD COLUMN "amountReversedCents" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "reversedAt" TIMESTAMPTZ(3);
