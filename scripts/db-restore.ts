// npm run db:restore <file>: loads a backup from npm run db:backup into an EMPTY database: stop the app,
// move .data/postgres aside (or point EMBEDDED_POSTGRES_DIR / DATABASE_URL at a new one), then run this
// and start the app. See lib/db/backup-database.ts and docs/decisions/0046.
import { restoreDatabase } from "../lib/db/backup-database";
import { runScript } from "./run-script";

await runScript("db:restore", async ({ databaseUrl }) => {
  const file = process.argv[2];
  if (!file) throw new Error("Name the backup file: npm run db:restore -- .data/backups/<file>.jsonl.gz");
  const counts = await restoreDatabase(databaseUrl, file);
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  console.log(`Restored ${rows} rows of ${Object.keys(counts).length} tables from ${file}`);
});
