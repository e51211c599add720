import { encryptStoredWebhookSecrets } from "../webhooks/encrypt-stored-webhook-secrets";

/** A step a migration needs that SQL cannot do (e.g. encrypting with a key from the environment). */
export type MigrationDataStep = (client: {
  query<Row>(sql: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}) => Promise<unknown>;

/**
 * Data steps by migration name: applyMigrations runs one right after its migration's SQL, in the same
 * transaction, so the migration is applied with its data or not at all.
 */
export const migrationDataSteps: Record<string, MigrationDataStep> = {
  "202612101601_webhook_secret_encrypted": encryptStoredWebhookSecrets,
};
