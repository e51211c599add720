-- Decision 0069: the per-key limit counts the requests of the last 60 s (a sliding window), not those of
-- the calendar minute, which let twice the limit through across a minute boundary.
DROP TABLE "ApiRequestWindow";

CREATE TABLE "ApiKeyRecentRequests" (
    "apiKeyId" text NOT NULL,
    "requestTimes" timestamp(3) with time zone[] NOT NULL,
    "cleanedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "ApiKeyRecentRequests_pkey" PRIMARY KEY ("apiKeyId")
);

ALTER TABLE "ApiKeyRecentRequests" ADD CONSTRAINT "ApiKeyRecentRequests_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
