import type pg from "pg";
import type { ReferentialAction, SchemaShape, TableShape } from "./schema-shape";

const ignoredTables = new Set(["_prisma_migrations"]);

const actionCodes: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Reads the `public` schema of a live PostgreSQL database from its catalogues. */
export async function readDatabaseSchemaShape(client: pg.Client): Promise<SchemaShape> {
  const enumRows = await client.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    ORDER BY t.typname, e.enumsortorder`);
  const enums: SchemaShape["enums"] = {};
  for (const row of enumRows.rows) (enums[row.name] ??= []).push(row.value);

  const tables: SchemaShape["tables"] = {};
  const tableOf = (name: string): TableShape =>
    (tables[name] ??= {
      columns: {},
      primaryKey: { name: "", columns: [] },
      uniqueIndexes: {},
      indexes: {},
      foreignKeys: {},
    });

  const columnRows = await client.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    default: string | null;
  }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
  for (const row of columnRows.rows) {
    if (ignoredTables.has(row.table)) continue;
    tableOf(row.table).columns[row.column] = { type: row.type, nullable: row.nullable, default: row.default };
  }

  const indexRows = await client.query<{
    table: string;
    index: string;
    unique: boolean;
    primary: boolean;
    columns: string[];
  }>(`
    SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
           ARRAY(
             SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
             ORDER BY k.position
           )::text[] AS columns
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public'`);
  for (const row of indexRows.rows) {
    if (ignoredTables.has(row.table)) continue;
    const table = tableOf(row.table);
    if (row.primary) table.primaryKey = { name: row.index, columns: row.columns };
    else if (row.unique) table.uniqueIndexes[row.index] = row.columns;
    else table.indexes[row.index] = row.columns;
  }

  const foreignKeyRows = await client.query<{
    table: string;
    name: string;
    referenced_table: string;
    columns: string[];
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(`
    SELECT t.relname AS table, con.conname AS name, rt.relname AS referenced_table,
           ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.position)::text[] AS columns,
           ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.position)::text[] AS referenced_columns,
           con.confdeltype AS on_delete, con.confupdtype AS on_update
    FROM pg_constraint con
    JOIN pg_class t ON t.oid = con.conrelid
    JOIN pg_class rt ON rt.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND con.contype = 'f'`);
  for (const row of foreignKeyRows.rows) {
    tableOf(row.table).foreignKeys[row.name] = {
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: actionCodes[row.on_delete] ?? "NO ACTION",
      onUpdate: actionCodes[row.on_update] ?? "NO ACTION",
    };
  }
  return { enums, tables };
}
