-- Versioned pricing parameters (finishes, tolerance factors, margins, delivery tiers, labour rate,
-- process parameters); materials and machine rates keep their own tables.
CREATE TABLE "PricingSettings" (
    "version" integer NOT NULL,
    "settings" jsonb NOT NULL,
    "source" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PricingSettings_pkey" PRIMARY KEY ("version"),
    CONSTRAINT "PricingSettings_version_positive" CHECK ("version" > 0),
    CONSTRAINT "PricingSettings_settings_object" CHECK (jsonb_typeof("settings") = 'object')
);
