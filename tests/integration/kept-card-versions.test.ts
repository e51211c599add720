import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keptVersionsOf } from "../../lib/matching/kept-card-versions";
import { createTestDatabase } from "./setup/test-database";

// Issue 22 (decision 0083): the card read's kept versions go to PostgreSQL as array texts written by
// keptVersionsOf, not encoded by pg element by element; PostgreSQL must read back exactly what was kept.
describe("the kept card versions as the card read sends them", () => {
  let sql: pg.Client;

  beforeAll(async () => {
    sql = new pg.Client({ connectionString: await createTestDatabase() });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
  });

  const readBack = async (kept: Map<string, { xmin: string; ctid: string }>) => {
    const { ids, xmins, ctids } = keptVersionsOf(kept);
    const { rows } = await sql.query<{ ids: string[]; xmins: string[]; ctids: string[] }>(
      `SELECT $1::text[] AS "ids", $2::xid[]::text[] AS "xmins", $3::tid[]::text[] AS "ctids"`,
      [ids, xmins, ctids],
    );
    return rows[0]!;
  };

  it("gives PostgreSQL every id, transaction id and place as kept, whatever an id holds", async () => {
    const awkward = ["NULL", "null", "a,b", "{c}", " spaced ", "", "ü ✓ 𝔘", "line\nbreak", "cm4x2k9q0000"];
    const kept = new Map(
      awkward.map((id, index) => [
        id,
        { xmin: String(4_000_000_000 - index), ctid: `(${index},${index + 1})` },
      ]),
    );
    const back = await readBack(kept);
    expect(back.ids).toEqual(awkward);
    expect(back.xmins).toEqual(awkward.map((_, index) => String(4_000_000_000 - index)));
    expect(back.ctids).toEqual(awkward.map((_, index) => `(${index},${index + 1})`));
    expect(typeof keptVersionsOf(kept).ids).toBe("string");
  });

  it("leaves ids with quotes or backslashes to pg's encoding, and sends empty arrays for none", async () => {
    const kept = new Map([
      ['say "hi"', { xmin: "7", ctid: "(0,1)" }],
      ["back\\slash", { xmin: "8", ctid: "(0,2)" }],
    ]);
    expect(Array.isArray(keptVersionsOf(kept).ids)).toBe(true);
    expect((await readBack(kept)).ids).toEqual(['say "hi"', "back\\slash"]);
    expect(await readBack(new Map())).toEqual({ ids: [], xmins: [], ctids: [] });
  });
});
