-- Issue 21: a partner may counter an offer with another price or date (docs/decisions/0039).
ALTER TYPE "OfferStatus" ADD VALUE 'COUNTERED';

CREATE TYPE "CounterofferStatus" AS ENUM ('AWAITING_BUYER', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

CREATE TABLE "Counteroffer" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "offeredPriceCents" INTEGER NOT NULL,
    "offeredDeliveryDate" DATE NOT NULL,
    "proposedPriceCents" INTEGER NOT NULL,
    "proposedDeliveryDate" DATE NOT NULL,
    "note" TEXT,
    "status" "CounterofferStatus" NOT NULL,
    "acceptedAutomatically" BOOLEAN NOT NULL DEFAULT false,
    "decideBy" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Counteroffer_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Counteroffer_offerId_key" ON "Counteroffer"("offerId");
CREATE INDEX "Counteroffer_status_decideBy_idx" ON "Counteroffer"("status", "decideBy");

ALTER TABLE "Counteroffer" ADD CONSTRAINT "Counteroffer_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
