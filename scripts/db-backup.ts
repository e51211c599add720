// npm run db:backup [file]: a backup of the database (embedded or DATABASE_URL) to a gzip file, by
// default .data/backups/<time>.jsonl.gz. See lib/db/backup-database.ts and docs/decisions/0046.
import fs from "node:fs/promises";
import path from "node:path";
import { backupDatabase } from "../lib/db/backup-database";
import { runScript } from "./run-script";

await runScript("db:backup", async ({ databaseUrl }) => {
  const file =
    process.argv[2] ??
    path.join(".data/backups", `${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const counts = await backupDatabase(databaseUrl, file);
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  console.log(`Backed up ${rows} rows of ${Object.keys(counts).length} tables to ${file}`);
});
