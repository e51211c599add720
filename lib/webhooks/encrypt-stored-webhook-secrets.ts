import { getEnv } from "../env";
import { encryptWebhookSecret, webhookSecretKeyOf, webhookSecretStartOf } from "./webhook-secret-cipher";

/** The one thing the data step needs of a pg client: a parameterised query. */
interface SqlClient {
  query<Row>(sql: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * The data step of migration 202612101601_webhook_secret_encrypted (decision 0069): seals every endpoint's
 * plain-text secret into `secretCiphertext` and keeps its first characters in `secretStart`, in the
 * migration's transaction; the next migration drops the plain column. The key is read only when there are
 * rows, so an empty database migrates without one. Returns how many rows it sealed.
 */
export async function encryptStoredWebhookSecrets(client: SqlClient): Promise<number> {
  const { rows } = await client.query<{ id: string; secret: string }>(
    `SELECT "id", "secret" FROM "WebhookEndpoint" WHERE "secretCiphertext" IS NULL`,
  );
  if (rows.length === 0) return 0;
  const key = webhookSecretKeyOf(getEnv());
  for (const row of rows)
    await client.query(
      `UPDATE "WebhookEndpoint" SET "secretCiphertext" = $2, "secretStart" = $3 WHERE "id" = $1`,
      [row.id, encryptWebhookSecret(row.secret, key), webhookSecretStartOf(row.secret)],
    );
  return rows.length;
}
