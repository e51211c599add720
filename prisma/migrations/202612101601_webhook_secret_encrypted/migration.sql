-- Decision 0069: webhook signing secrets are stored encrypted (AES-256-GCM). The data step
-- (lib/db/migration-data-steps.ts → encryptStoredWebhookSecrets) fills these from "secret" in this
-- migration's transaction; 202612101602 drops the plain column.
ALTER TABLE "WebhookEndpoint" ADD COLUMN "secretCiphertext" text;
ALTER TABLE "WebhookEndpoint" ADD COLUMN "secretStart" text;
