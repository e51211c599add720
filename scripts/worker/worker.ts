// npm run worker: job workers alone, for more machines. Uses DATABASE_URL, or the embedded PostgreSQL
// of an app running from this directory (or starts it when none runs).
import { jobHandlers } from "./job-handlers";
import { connectDatabase } from "../../lib/db/connect-database";
import { createPrismaClient } from "../../lib/db/prisma";
import { EnvironmentError, parseEnvironment } from "../../lib/env";
import { startJobQueue } from "../../lib/jobs/job-queue";
import { closeAnalysisPool } from "../../lib/parts/analysis-pool";
import { getLogger } from "../../lib/logging/logger";
import { loadDotEnv } from "../load-dot-env";

async function main() {
  loadDotEnv();
  const env = parseEnvironment(process.env);
  const logger = getLogger();
  const database = await connectDatabase(env, (line) => logger.debug({ postgres: line }));
  const db = createPrismaClient(database.url);
  const queue = await startJobQueue(database.url, logger);
  await queue.startWorkers(db, jobHandlers);
  console.log("Job worker running. Press Ctrl-C to stop.");

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await queue.stop();
    await closeAnalysisPool();
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
