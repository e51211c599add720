import { connectDatabase } from "../lib/db/connect-database";
import { EnvironmentError, parseEnvironment, type Environment } from "../lib/env";
import { loadDotEnv } from "./load-dot-env";

/**
 * Runs a one-off command against the database: parses the environment, connects (starting the embedded
 * PostgreSQL when DATABASE_URL is unset), runs the task, and always stops what it started.
 * Exits 1 with a readable message on failure.
 */
export async function runScript(
  name: string,
  task: (context: { databaseUrl: string; env: Environment }) => Promise<void>,
): Promise<void> {
  let close: (() => Promise<void>) | undefined;
  try {
    loadDotEnv();
    const env = parseEnvironment(process.env);
    const connection = await connectDatabase(env);
    close = connection.close;
    await task({ databaseUrl: connection.url, env });
  } catch (error) {
    console.error(
      `${name} failed: ${error instanceof EnvironmentError ? error.message : (error as Error).message}`,
    );
    process.exitCode = 1;
  } finally {
    await close?.();
  }
}
