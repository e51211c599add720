-- Decision 0115: removing a member now revokes the API keys and webhook endpoints they created (they saw
-- the keys' secrets and chose the endpoints' addresses). Keys and endpoints of members removed before
-- this kept reading and receiving; they are revoked here as the removal would have done.
UPDATE "ApiKey" AS api_key
   SET "revokedAt" = now()
  FROM "User" AS creator
 WHERE api_key."createdByUserId" = creator."id"
   AND api_key."revokedAt" IS NULL
   AND (creator."disabledAt" IS NOT NULL OR creator."companyId" <> api_key."companyId");

UPDATE "WebhookDelivery" AS delivery
   SET "status" = 'FAILED', "nextAttemptAt" = NULL
  FROM "WebhookEndpoint" AS endpoint, "User" AS creator
 WHERE delivery."endpointId" = endpoint."id"
   AND endpoint."createdByUserId" = creator."id"
   AND endpoint."revokedAt" IS NULL
   AND delivery."status" = 'PENDING'
   AND (creator."disabledAt" IS NOT NULL OR creator."companyId" <> endpoint."companyId");

UPDATE "WebhookEndpoint" AS endpoint
   SET "revokedAt" = now()
  FROM "User" AS creator
 WHERE endpoint."createdByUserId" = creator."id"
   AND endpoint."revokedAt" IS NULL
   AND (creator."disabledAt" IS NOT NULL OR creator."companyId" <> endpoint."companyId");
