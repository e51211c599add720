import { describe, expect, it } from "vitest";
import { preparedStatementMarker, preparedStatementName } from "./prepared-statement-name";

describe("preparedStatementName", () => {
  it("names a marked statement by its text, and leaves any other unnamed", () => {
    const read = `${preparedStatementMarker} SELECT "id" FROM "Company" WHERE "id" = $1`;
    const other = `${preparedStatementMarker} SELECT "id" FROM "Company" WHERE "id" = $2`;
    expect(preparedStatementName({ sql: read })).toMatch(/^prepared_[0-9a-f]{40}$/);
    expect(preparedStatementName({ sql: read })).toBe(preparedStatementName({ sql: `${read}` }));
    expect(preparedStatementName({ sql: other })).not.toBe(preparedStatementName({ sql: read }));
    expect(preparedStatementName({ sql: `SELECT 1 ${preparedStatementMarker}` })).toBe("");
    expect(preparedStatementName({ sql: "BEGIN" })).toBe("");
  });
});
