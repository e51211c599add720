import type { SchemaShape } from "./schema-shape";

/**
 * CREATE statements for a whole schema shape, in dependency order (enums, tables, indexes, foreign keys).
 * Used by `npm run db:draft-migration` to draft the SQL for new tables; a person reviews and trims it.
 */
export function renderCreateSql(shape: SchemaShape): string {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const columnList = (columns: string[]) => columns.map(quote).join(", ");
  const statements: string[] = [];

  for (const [name, values] of Object.entries(shape.enums)) {
    statements.push(
      `CREATE TYPE ${quote(name)} AS ENUM (${values.map((value) => `'${value}'`).join(", ")});`,
    );
  }
  for (const [tableName, table] of Object.entries(shape.tables)) {
    const lines = Object.entries(table.columns).map(([columnName, column]) => {
      const autoincrement = column.default?.startsWith("nextval(");
      const type = autoincrement ? (column.type === "bigint" ? "BIGSERIAL" : "SERIAL") : column.type;
      const nullability = column.nullable ? "" : " NOT NULL";
      const defaultClause = column.default && !autoincrement ? ` DEFAULT ${column.default}` : "";
      return `    ${quote(columnName)} ${type}${nullability}${defaultClause}`;
    });
    lines.push(
      `    CONSTRAINT ${quote(table.primaryKey.name)} PRIMARY KEY (${columnList(table.primaryKey.columns)})`,
    );
    statements.push(`CREATE TABLE ${quote(tableName)} (\n${lines.join(",\n")}\n);`);
  }
  for (const [tableName, table] of Object.entries(shape.tables)) {
    for (const [name, columns] of Object.entries(table.uniqueIndexes)) {
      statements.push(`CREATE UNIQUE INDEX ${quote(name)} ON ${quote(tableName)}(${columnList(columns)});`);
    }
    for (const [name, columns] of Object.entries(table.indexes)) {
      statements.push(`CREATE INDEX ${quote(name)} ON ${quote(tableName)}(${columnList(columns)});`);
    }
  }
  for (const [tableName, table] of Object.entries(shape.tables)) {
    for (const [name, key] of Object.entries(table.foreignKeys)) {
      statements.push(
        `ALTER TABLE ${quote(tableName)} ADD CONSTRAINT ${quote(name)} FOREIGN KEY (${columnList(key.columns)}) ` +
          `REFERENCES ${quote(key.referencedTable)}(${columnList(key.referencedColumns)}) ` +
          `ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate};`,
      );
    }
  }
  return `${statements.join("\n\n")}\n`;
}
