-- Issue 19 (i19-connect): what Stripe last said about a supplier's Connect account. The payouts page shows
-- what Stripe still needs; the payouts.recheck-stripe-accounts job re-reads pending accounts, oldest
-- check first, so a lost account.updated or a closed onboarding tab never leaves payouts held.
ALTER TABLE "Company" ADD COLUMN "stripeRequirementsDue" text[] NOT NULL DEFAULT ARRAY[]::text[];
ALTER TABLE "Company" ADD COLUMN "stripeDisabledReason" text;
ALTER TABLE "Company" ADD COLUMN "stripeAccountCheckedAt" timestamp(3) with time zone;
