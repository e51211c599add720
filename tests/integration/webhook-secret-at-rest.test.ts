// Decision 0069: webhook signing secrets are sealed with AES-256-GCM in the database; the migration seals
// the rows that were stored in plain text before, and deliveries still sign with the secret shown once.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "../../lib/db/apply-migrations";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { createWebhookEndpoint } from "../../lib/webhooks/create-webhook-endpoint";
import { loadWebhookEndpoints } from "../../lib/webhooks/load-webhook-endpoints";
import { decryptWebhookSecret } from "../../lib/webhooks/webhook-secret-cipher";
import { seedDatabase } from "../../prisma/seed";
import { acme } from "../fixtures/money-fixtures";
import { createEmptyDatabase, createTestDatabase } from "./setup/test-database";

const encryptingMigration = "202612101601_webhook_secret_encrypted";

describe("webhook secrets at rest", () => {
  let db: Database;
  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
  });
  afterAll(() => db.$disconnect());

  it("stores a new endpoint's secret sealed: no column holds it, the key opens it, the page shows its start", async () => {
    const created = await createWebhookEndpoint(
      db,
      { userId: "seed_user_anna", companyId: acme, companyKind: "BUYER" },
      { url: "http://127.0.0.1:9/hooks", events: ["order.placed"] },
      { allowPrivateAddresses: true },
    );
    const [row] = await db.$queryRaw<{ whole: string }[]>`
      SELECT row_to_json(e)::text AS whole FROM "WebhookEndpoint" e WHERE e."id" = ${created.endpointId}`;
    expect(row!.whole).not.toContain(created.secret.slice(6));
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpointId } });
    expect(decryptWebhookSecret(stored.secretCiphertext)).toBe(created.secret);
    const shown = (await loadWebhookEndpoints(db, acme)).find((e) => e.id === created.endpointId);
    expect(shown?.secretStart).toBe(`${created.secret.slice(0, 10)}…`);
    expect(JSON.stringify(shown)).not.toContain(created.secret);
  });

  it("the migration seals secrets stored in plain text before and drops the plain column", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "webhook-secret-migration-"));
    try {
      const names = (await fs.readdir(defaultMigrationsDir)).sort();
      for (const name of names.filter((name) => name < encryptingMigration))
        await fs.cp(path.join(defaultMigrationsDir, name), path.join(dir, name), { recursive: true });
      const url = await createEmptyDatabase();
      await applyMigrations(url, dir);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // A row as the old code wrote it; its company and user do not matter here.
        await client.query(`SET session_replication_role = replica`);
        await client.query(
          `INSERT INTO "WebhookEndpoint" ("id", "companyId", "url", "events", "secret", "createdByUserId")
           VALUES ('old_endpoint', 'c', 'https://erp.example.com/hooks', '{order.placed}', 'whsec_plain_old_secret_1234567890ab', 'u')`,
        );
        for (const name of names.filter((name) => name >= encryptingMigration))
          await fs.cp(path.join(defaultMigrationsDir, name), path.join(dir, name), { recursive: true });
        expect(await applyMigrations(url, dir)).toContain(encryptingMigration);
        const { rows } = await client.query<Record<string, string>>(
          `SELECT * FROM "WebhookEndpoint" WHERE "id" = 'old_endpoint'`,
        );
        expect(rows[0]).not.toHaveProperty("secret");
        expect(JSON.stringify(rows[0])).not.toContain("plain_old_secret");
        expect(rows[0]!.secretStart).toBe("whsec_plai");
        expect(decryptWebhookSecret(rows[0]!.secretCiphertext!)).toBe("whsec_plain_old_secret_1234567890ab");
      } finally {
        await client.end();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
