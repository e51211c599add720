-- The small-order surcharge a quote was priced with, frozen into the order line at checkout
-- (lib/small-orders; included in totalPriceCents, shown as its own line).
ALTER TABLE "Quote" ADD COLUMN "smallOrderSurchargeCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OrderLine" ADD COLUMN "smallOrderSurchargeCents" INTEGER NOT NULL DEFAULT 0;
