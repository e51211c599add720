-- Decision 0115: removing a member now revokes the API keys and webhook endpoints they created (they saw
-- the keys' secrets and chose the endpoints' addresses). Keys and endpoints whose creator was removed
-- before this (or is in another company now) kept reading and receiving; they are revoked here as the
-- removal would have done, with the endpoints' pending deliveries.
WITH revoked_keys AS (
  UPDATE "ApiKey" AS owned SET "revokedAt" = now()
   WHERE owned."revokedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = owned."createdByUserId" AND "disabledAt" IS NULL AND "companyId" = owned."companyId")
), revoked_endpoints AS (
  UPDATE "WebhookEndpoint" AS owned SET "revokedAt" = now()
   WHERE owned."revokedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = owned."createdByUserId" AND "disabledAt" IS NULL AND "companyId" = owned."companyId")
  RETURNING owned."id"
)
UPDATE "WebhookDelivery" SET "status" = 'FAILED', "nextAttemptAt" = NULL
 WHERE "status" = 'PENDING' AND "endpointId" IN (SELECT "id" FROM revoked_endpoints);
