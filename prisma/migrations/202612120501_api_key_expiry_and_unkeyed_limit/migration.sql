-- Decision 0075: API keys expire (the creator chooses the day, a year by default; keys made before this
-- have no expiry), and public API requests without a valid key are limited per client address, in a
-- sliding window like the per-key one.
ALTER TABLE "ApiKey" ADD COLUMN "expiresAt" timestamp(3) with time zone;

CREATE TABLE "ApiClientAddressRecentRequests" (
    "clientAddress" text NOT NULL,
    "requestTimes" timestamp(3) with time zone[] NOT NULL,
    "cleanedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "ApiClientAddressRecentRequests_pkey" PRIMARY KEY ("clientAddress")
);
