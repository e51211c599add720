import pg from "pg";
import { newApiKeySecret } from "../../lib/public-api/api-key-secret";
import { e2eDatabaseUrl } from "./e2e-database";

/**
 * An API key with `scopes` for the company of the user signed in as `email`, made by that user, returned
 * once as a client would copy it. Written straight to the journeys' database because the team page has no
 * form for keys yet in this branch (decision 0059's page belongs to i24-api): replace this with the page's
 * form once it exists. The key is hashed as the app hashes it (lib/public-api/api-key-secret.ts).
 */
export async function apiKeyFor(email: string, scopes: string[]): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { secret, prefix, secretHash } = newApiKeySecret();
    const { rowCount } = await client.query(
      `INSERT INTO "ApiKey" ("id", "companyId", "createdByUserId", "name", "prefix", "secretHash", "scopes")
       SELECT 'e2e_' || md5(random()::text), u."companyId", u."id", 'journey key', $2, $3, $4::text[]
         FROM "User" u WHERE u."email" = $1`,
      [email, prefix, secretHash, scopes],
    );
    if (rowCount !== 1) throw new Error(`No user ${email} to make a key for`);
    return secret;
  } finally {
    await client.end();
  }
}
