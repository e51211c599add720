// npm run worker: job workers alone, for more machines. Uses DATABASE_URL, or the embedded PostgreSQL
// of an app running from this directory (or starts it when none runs).
import { jobHandlers } from "./job-handlers";
import { connectDatabase } from "../../lib/db/connect-database";
import { createPrismaClient } from "../../lib/db/prisma";
import { EnvironmentError, parseEnvironment } from "../../lib/env";
import { startJobQueue } from "../../lib/jobs/job-queue";
import { startJobWorkers } from "../../lib/jobs/start-job-workers";
import { closeAnalysisPool } from "../../lib/parts/analysis-pool";
import { closeDatabaseNotifications } from "../../lib/db/database-notifications";
import { getLogger } from "../../lib/logging/logger";
import { isLostDatabaseError } from "../../lib/db/is-lost-database-error";
import { loadDotEnv } from "../load-dot-env";

async function main() {
  loadDotEnv();
  const env = parseEnvironment(process.env);
  const logger = getLogger();
  const database = await connectDatabase(env, (line) => logger.debug({ postgres: line }));
  const db = createPrismaClient(database.url);
  const queue = await startJobQueue(database.url, logger);
  let stopping = false;
  // Like npm start (scripts/start.ts): a worker without its database stops with an error, for its
  // process manager to start it again.
  const stopForLostDatabase = (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${reason}. Stopping with exit code 1 so that a process manager restarts the worker.`);
    process.exit(1);
  };
  const liveness = await startJobWorkers({
    databaseUrl: database.url,
    db,
    queue,
    handlers: jobHandlers,
    onLivenessLost: (error) => stopForLostDatabase(`The database connection broke (${error.message})`),
  });
  void database.exited?.then((how) => stopForLostDatabase(`PostgreSQL stopped unexpectedly (${how})`));
  // The queue library's own calls (completing a job, its maintenance) may be the first to meet a dead
  // database, as a rejection nobody awaits: that too is the database gone, not a crash to print as a trace.
  process.on("unhandledRejection", (error) => {
    if (isLostDatabaseError(error))
      return stopForLostDatabase(`The database connection broke (${(error as Error).message})`);
    throw error;
  });
  console.log("Job worker running. Press Ctrl-C to stop.");

  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await queue.stop();
    // Analyses still running go back to the queue (the pool answers them `interrupted`).
    await closeAnalysisPool();
    await queue.settle(5_000);
    await liveness.close();
    await closeDatabaseNotifications();
    await db.$disconnect();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(
    error instanceof EnvironmentError ? error.message : `Worker failed: ${(error as Error).message}`,
  );
  process.exit(1);
});
