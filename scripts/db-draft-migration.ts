// Prints CREATE statements for everything in schema.prisma. Prisma's migration engine cannot be
// downloaded on these machines, so new migrations are written by hand; this drafts the SQL of new
// tables and enums to copy into prisma/migrations/<timestamp>_<name>/migration.sql.
// The schema-matches-migrations test then proves the result.
import { readFileSync } from "node:fs";
import { expectedSchemaShape } from "../lib/db/schema-drift/expected-schema-shape";
import { renderCreateSql } from "../lib/db/schema-drift/render-create-sql";

const shape = expectedSchemaShape(readFileSync("prisma/schema.prisma", "utf8"));
const onlyTables = process.argv.slice(2);
if (onlyTables.length > 0) {
  shape.tables = Object.fromEntries(
    Object.entries(shape.tables).filter(([name]) => onlyTables.includes(name)),
  );
  shape.enums = {};
}
process.stdout.write(renderCreateSql(shape));
