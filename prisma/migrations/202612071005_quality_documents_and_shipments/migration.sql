-- Issue 21 (i21-quality, docs/decisions/0043): quality documents the buyer asks for at checkout, uploaded
-- per job by the partner; partial shipments with a carrier and tracking number each.
CREATE TYPE "QualityDocumentKind" AS ENUM ('INSPECTION_REPORT', 'CERTIFICATE_OF_CONFORMITY', 'MATERIAL_CERTIFICATE_3_1');

ALTER TABLE "Order" ADD COLUMN "requiredQualityDocuments" "QualityDocumentKind"[] NOT NULL DEFAULT ARRAY[]::"QualityDocumentKind"[];

CREATE TABLE "QualityDocument" (
    "id" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "kind" "QualityDocumentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityDocument_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Shipment" (
    "id" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "carrier" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "createdById" TEXT,
    "shippedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "QualityDocument_orderLineId_kind_idx" ON "QualityDocument"("orderLineId", "kind");

CREATE INDEX "Shipment_orderLineId_shippedAt_idx" ON "Shipment"("orderLineId", "shippedAt");

ALTER TABLE "QualityDocument" ADD CONSTRAINT "QualityDocument_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
