import type { Environment } from "../env";
import { startEmbeddedPostgres } from "./embedded-postgres-server";

export const embeddedDatabaseName = "marketplace";

export interface DatabaseConnection {
  url: string;
  /** "external" when DATABASE_URL was given, "embedded" when this process started PostgreSQL. */
  kind: "external" | "embedded";
  /** Where the embedded server keeps its data (it may move out of a folder its user cannot enter). */
  dataDir?: string;
  /** Stops the embedded server; does nothing for an external one. */
  close(): Promise<void>;
  /**
   * Settles with how the embedded server this process started ended, when it ends without `close()`
   * (killed, crashed). Undefined for an external server or one another process started.
   */
  exited?: Promise<string>;
}

/**
 * DATABASE_URL set: that server. Not set: a real PostgreSQL started from the embedded-postgres package,
 * with its data under EMBEDDED_POSTGRES_DIR, reused on the next start.
 */
export async function connectDatabase(
  env: Pick<Environment, "DATABASE_URL" | "EMBEDDED_POSTGRES_DIR" | "EMBEDDED_POSTGRES_PORT">,
  onLog?: (line: string) => void,
): Promise<DatabaseConnection> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, kind: "external", close: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    onLog,
  });
  try {
    await server.ensureDatabase(embeddedDatabaseName);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: server.connectionUrl(embeddedDatabaseName),
    kind: "embedded",
    dataDir: server.dataDir,
    close: () => server.stop(),
    ...(server.unexpectedExit ? { exited: server.unexpectedExit } : {}),
  };
}
