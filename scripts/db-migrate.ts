// npm run db:migrate: applies pending SQL migrations to DATABASE_URL, or to the embedded PostgreSQL.
import { applyMigrations } from "../lib/db/apply-migrations";
import { runScript } from "./run-script";

await runScript("db:migrate", async ({ databaseUrl }) => {
  const applied = await applyMigrations(databaseUrl);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
      : "Database is up to date.",
  );
});
