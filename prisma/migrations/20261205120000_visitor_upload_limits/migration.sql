-- Limits for uploads without an account: the uploader's client address on the part, one row per visitor
-- upload for the quotas per visitor and per address, and an index for the daily clean-up of old parts.
ALTER TABLE "Part" ADD COLUMN "uploaderAddress" text;
CREATE INDEX "Part_createdAt_idx" ON "Part"("createdAt");

CREATE TABLE "VisitorUpload" (
    "id" BIGSERIAL NOT NULL,
    "visitorToken" text NOT NULL,
    "clientAddress" text NOT NULL,
    "sizeBytes" bigint NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VisitorUpload_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "VisitorUpload_visitorToken_createdAt_idx" ON "VisitorUpload"("visitorToken", "createdAt");
CREATE INDEX "VisitorUpload_clientAddress_createdAt_idx" ON "VisitorUpload"("clientAddress", "createdAt");
