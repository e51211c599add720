-- Matching and the supplier portal: what an order asks of its partner (certificates, country), the
-- part's size on each line for the envelope check, the partners' cost index, versioned matcher
-- settings, each partner's rolling score, and what each match decision ran with.
ALTER TABLE "Company" ADD COLUMN "costIndex" double precision NOT NULL DEFAULT 1;

ALTER TABLE "Order" ADD COLUMN "requiredCertificates" "CertificateKind"[] NOT NULL DEFAULT ARRAY[]::"CertificateKind"[], ADD COLUMN "requiredCountryCode" character(2);

ALTER TABLE "OrderLine" ADD COLUMN "partSizeMm" double precision[] NOT NULL DEFAULT ARRAY[]::double precision[];

ALTER TABLE "Certificate" ADD COLUMN "fileName" text;

ALTER TABLE "MatchDecision" ADD COLUMN "trigger" text NOT NULL DEFAULT '', ADD COLUMN "settingsVersion" integer, ADD COLUMN "durationMs" double precision;

CREATE INDEX "CapacityReservation_held_hours_idx" ON "CapacityReservation"("process", "weekStart", "releasedAt", "companyId", "machineHours");
CREATE INDEX "CapacityReservation_offerId_idx" ON "CapacityReservation"("offerId");

CREATE TABLE "MatchingSettings" (
    "version" integer NOT NULL,
    "settings" jsonb NOT NULL,
    "source" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MatchingSettings_pkey" PRIMARY KEY ("version")
);

CREATE TABLE "SupplierScore" (
    "companyId" text NOT NULL,
    "offersAnswered" integer NOT NULL DEFAULT 0,
    "offersRejected" integer NOT NULL DEFAULT 0,
    "offersExpired" integer NOT NULL DEFAULT 0,
    "linesShipped" integer NOT NULL DEFAULT 0,
    "linesOnTime" integer NOT NULL DEFAULT 0,
    "ratingsCount" integer NOT NULL DEFAULT 0,
    "ratingsStarsSum" integer NOT NULL DEFAULT 0,
    "complaintsCount" integer NOT NULL DEFAULT 0,
    "complaintsUpheld" integer NOT NULL DEFAULT 0,
    "meanResponseHours" double precision,
    "computedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "SupplierScore_pkey" PRIMARY KEY ("companyId")
);

ALTER TABLE "SupplierScore" ADD CONSTRAINT "SupplierScore_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
