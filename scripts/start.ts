// npm start: the whole product in one process. Embedded PostgreSQL (unless DATABASE_URL is set),
// migrations, demo data on an empty database, the job worker, and the Next.js web app.
// Ctrl-C (SIGINT) or SIGTERM stops the web server, the worker and the database, in that order.
import { ensureMatchingSettings } from "../lib/matching/matching-settings";
import { jobHandlers } from "./worker/job-handlers";
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { clientAddressHeader } from "../lib/auth/client-address";
import { clientAddressForConnection } from "../lib/auth/client-address-for-connection";
import { applyMigrations } from "../lib/db/apply-migrations";
import { connectDatabase, type DatabaseConnection } from "../lib/db/connect-database";
import { createPrismaClient } from "../lib/db/prisma";
import { closeDatabaseNotifications } from "../lib/db/database-notifications";
import { appUrl, EnvironmentError, parseEnvironment } from "../lib/env";
import { createActionBodyCheck } from "../lib/security/refuse-oversized-action-body";
import { createApiBodyCheck } from "../lib/security/refuse-oversized-api-body";
import { refuseMalformedPath } from "../lib/security/refuse-malformed-path";
import { setSecurityHeaders } from "../lib/security/set-security-headers";
import { closeAnalysisPool } from "../lib/parts/analysis-pool";
import { registerJobQueue } from "../lib/jobs/get-job-queue";
import { startJobWorkers } from "../lib/jobs/start-job-workers";
import { startJobQueue, type JobQueue } from "../lib/jobs/job-queue";
import { getLogger } from "../lib/logging/logger";
import { shownDataDirectory } from "../lib/db/shown-data-directory";
import {
  demoAccounts,
  demoPassword,
  ensurePricingSettings,
  isDatabaseEmpty,
  seedDatabase,
} from "../prisma/seed";
import { ensureProductionBuild } from "./ensure-production-build";
import { loadDotEnv } from "./load-dot-env";

const dev = process.argv.includes("--dev");
const shutdownSteps: { name: string; run: () => Promise<void> }[] = [];
let shuttingDown = false;
let firstSignalAt = 0;

async function main() {
  loadDotEnv();
  // Next's telemetry would call out to a network these machines (and many factories) do not reach.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
  const env = parseEnvironment(process.env);
  const logger = getLogger();

  if (!dev) ensureProductionBuild();

  console.log(env.DATABASE_URL ? "Connecting to DATABASE_URL…" : "Starting PostgreSQL…");
  const database: DatabaseConnection = await connectDatabase(env, (line) => logger.debug({ postgres: line }));
  shutdownSteps.unshift({ name: "database", run: () => database.close() });
  process.env.DATABASE_URL = database.url;
  if (database.dataDir)
    console.log(`PostgreSQL is running, data in ${shownDataDirectory(database.dataDir, process.cwd())}`);

  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);

  const db = createPrismaClient(database.url);
  shutdownSteps.unshift({ name: "prisma", run: () => db.$disconnect() });
  // The LISTEN connection (job wake-ups, the upload rows' long polls) ends before the database stops.
  shutdownSteps.unshift({ name: "database notifications", run: closeDatabaseNotifications });
  if (await isDatabaseEmpty(db)) {
    console.log("Empty database: loading demo data…");
    await seedDatabase(db);
  } else {
    const added = await ensurePricingSettings(db);
    if (added.length)
      console.log(`This database predates some of what can be priced: added ${added.join(", ")}.`);
  }
  await ensureMatchingSettings(db);

  const queue: JobQueue = await startJobQueue(database.url, logger);
  // After the queue's graceful stop, analyses still running are handed back to the queue (not failed):
  // the pool answers them `interrupted` and their handlers re-queue them before the database stops.
  shutdownSteps.unshift({
    name: "analysis workers",
    run: async () => {
      await closeAnalysisPool();
      await queue.settle(5_000);
    },
  });
  shutdownSteps.unshift({ name: "job queue", run: () => queue.stop() });
  registerJobQueue(queue);
  if (env.RUN_WORKER_IN_PROCESS) {
    const liveness = await startJobWorkers({
      databaseUrl: database.url,
      db,
      queue,
      handlers: jobHandlers,
      onLivenessLost: (error) => stopForLostDatabase(`the database connection broke (${error.message})`),
    });
    shutdownSteps.splice(2, 0, { name: "worker liveness", run: () => liveness.close() });
  }
  // A database that dies under the app would leave it answering 500 forever: stop with an error so
  // that a process manager (systemd, Docker, Kubernetes) starts the app, and with it the database, again.
  void database.exited?.then((how) => stopForLostDatabase(`PostgreSQL stopped unexpectedly (${how})`));

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const securityHeaderOptions = { appUrl: appUrl(), stripeApiUrl: env.STRIPE_API_URL, development: dev };
  const refuseOversizedActionBody = createActionBodyCheck({ distDir: ".next", development: dev });
  const refuseOversizedApiBody = createApiBodyCheck({ uploadMaxBytes: env.UPLOAD_MAX_BYTES });
  const server = http.createServer((request, response) => {
    // Behind trusted proxies their request id is kept for tracing across hops; without one, whatever a
    // client sends is replaced, so nobody can plant ids in the logs.
    const sentRequestId = request.headers["x-request-id"];
    const requestId =
      env.TRUSTED_PROXY_HOPS > 0 &&
      typeof sentRequestId === "string" &&
      /^[A-Za-z0-9._-]{8,64}$/.test(sentRequestId)
        ? sentRequestId
        : randomUUID();
    request.headers["x-request-id"] = requestId;
    // Layouts cannot see the URL; they read it here to send a visitor back after signing in.
    request.headers["x-request-path"] = request.url ?? "/";
    // Only this server knows the socket: it replaces whatever a client sent in this header
    // (lib/auth/client-address.ts reads it for rate limits and audit logs).
    request.headers[clientAddressHeader] = clientAddressForConnection(
      { remoteAddress: request.socket.remoteAddress, forwardedFor: request.headers["x-forwarded-for"] },
      env.TRUSTED_PROXY_HOPS,
    );
    response.setHeader("x-request-id", requestId);
    setSecurityHeaders(request, response, securityHeaderOptions);
    if (refuseMalformedPath(request, response)) return;
    if (refuseOversizedActionBody(request, response)) return;
    if (refuseOversizedApiBody(request, response)) return;
    void handle(request, response);
  });
  shutdownSteps.unshift({
    name: "web server",
    run: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        setTimeout(() => server.closeAllConnections(), 3_000).unref();
      }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, resolve);
  });

  const url = `http://localhost:${env.PORT}`;
  console.log(`\nReady at ${url}${env.RUN_WORKER_IN_PROCESS ? " (with one job worker)" : ""}\n`);
  // Stripe payouts to partners are on with a key: both endpoints must exist in Stripe's Dashboard.
  if (env.STRIPE_SECRET_KEY)
    console.log(
      `Stripe webhooks: ${appUrl()}/api/webhooks/stripe (STRIPE_WEBHOOK_SECRET) and, for partners' accounts, ${appUrl()}/api/webhooks/stripe-connect (STRIPE_CONNECT_WEBHOOK_SECRET)\n`,
    );
  console.log(`Demo accounts (password for all: ${demoPassword}):`);
  for (const account of demoAccounts) console.log(`  ${account.who.padEnd(42)} ${account.email}`);
  console.log("\nPress Ctrl-C to stop.");
}

function stopForLostDatabase(reason: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.error(
    `${reason}. Stopping with exit code 1 so that a process manager restarts the app; ` +
      "with `npm start` alone, start it again.",
  );
  process.exit(1);
}

async function shutdown(signal: string) {
  if (shuttingDown) {
    // Ctrl-C reaches this process twice (from the terminal and relayed by npm/tsx): only a later one forces.
    if (Date.now() - firstSignalAt < 2_000) return;
    console.error(`Received ${signal} again: stopping at once.`);
    process.exit(1);
  }
  shuttingDown = true;
  firstSignalAt = Date.now();
  console.log(`\nStopping (${signal})…`);
  for (const step of shutdownSteps) {
    try {
      await step.run();
    } catch (error) {
      console.error(`Stopping the ${step.name} failed: ${(error as Error).message}`);
    }
  }
  process.exit(0);
}

process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

main().catch(async (error: unknown) => {
  console.error(
    error instanceof EnvironmentError
      ? `${error.message}\nFix these in .env (see .env.example) and start again.`
      : `Could not start: ${process.env.LOG_LEVEL === "debug" ? ((error as Error).stack ?? String(error)) : (error as Error).message}`,
  );
  shuttingDown = true;
  for (const step of shutdownSteps) await step.run().catch(() => undefined);
  process.exit(1);
});
