import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../../lib/db/apply-migrations";
import { startEmbeddedPostgres } from "../../../lib/db/embedded-postgres-server";
import { startJobQueue } from "../../../lib/jobs/job-queue";
import pino from "pino";

export const templateDatabase = "test_template";

declare module "vitest" {
  export interface ProvidedContext {
    testPostgresAdminUrl: string;
    testTemplateDatabase: string;
  }
}

/**
 * One embedded PostgreSQL for the whole integration run, in a fresh data directory, with a template
 * database built from the migrations. Every test file clones the template into a database of its own.
 */
export default async function setup(project: TestProject) {
  // Under the system temp folder: the unprivileged server user can reach it wherever the clone lives.
  const dataDir = path.join(os.tmpdir(), `instant-quote-test-postgres-${process.pid}`);
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(`${dataDir}.password`, { force: true });
  // A free port unless one is set, so runs side by side (two clones, a watch run) do not collide.
  const port = process.env.TEST_POSTGRES_PORT ? Number(process.env.TEST_POSTGRES_PORT) : await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port });
  await server.ensureDatabase(templateDatabase);
  await applyMigrations(server.connectionUrl(templateDatabase));
  // The job queue's schema and queues, as `npm start` creates them: state changes send their follow-up
  // jobs in their own transaction (lib/jobs/enqueue-job.ts), so every test database needs the table.
  const queue = await startJobQueue(server.connectionUrl(templateDatabase), pino({ level: "silent" }));
  await queue.stop();
  project.provide("testPostgresAdminUrl", server.connectionUrl("postgres"));
  project.provide("testTemplateDatabase", templateDatabase);
  return async () => {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(`${dataDir}.password`, { force: true });
  };
}

/** A TCP port nothing listens on right now, chosen by the operating system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
