-- Issue 19: partner payouts wait for the buyer's complaint window (docs/decisions/0031).
ALTER TYPE "PayoutStatus" ADD VALUE 'WAITING';
ALTER TABLE "Payout" ADD COLUMN "dueAt" TIMESTAMPTZ(3);
ALTER TABLE "OrderLine" ADD COLUMN "noComplaintConfirmedAt" TIMESTAMPTZ(3);
