-- Decision 0069: every secret is sealed by 202612101601's data step; the plain text goes.
ALTER TABLE "WebhookEndpoint" ALTER COLUMN "secretCiphertext" SET NOT NULL;
ALTER TABLE "WebhookEndpoint" ALTER COLUMN "secretStart" SET NOT NULL;
ALTER TABLE "WebhookEndpoint" DROP COLUMN "secret";
