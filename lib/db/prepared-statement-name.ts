import { createHash } from "node:crypto";

/** Starts the SQL of a statement that each connection should prepare once and then reuse (issue 22). */
export const preparedStatementMarker = "/* prepared */";

const names = new Map<string, string>();
/** Different texts a process prepares at most; beyond it a statement runs unnamed, as every other one. */
const maxNames = 100;

/**
 * The name the pg driver prepares a statement under (PrismaPg's `statementNameGenerator`), for SQL that
 * starts with `preparedStatementMarker`; "" for any other, which the driver runs as an unnamed statement
 * (as without a name), parsed and planned on every run. A named statement is parsed once per connection, and after five runs
 * PostgreSQL keeps one generic plan when it costs no more than the custom ones: the matcher's candidate
 * read spends milliseconds planning a join of a dozen tables otherwise. The name is a hash of the text,
 * so a text that differs (another number of weeks or certificates in the same query) gets its own name.
 * Only statements whose text takes a bounded number of shapes should carry the marker.
 */
export function preparedStatementName(query: { sql: string }): string {
  if (!query.sql.startsWith(preparedStatementMarker)) return "";
  let name = names.get(query.sql);
  if (name === undefined) {
    if (names.size >= maxNames) return "";
    name = `prepared_${createHash("sha1").update(query.sql).digest("hex")}`;
    names.set(query.sql, name);
  }
  return name;
}
