import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./paginate";

const cursorOf = (pair: unknown) => Buffer.from(JSON.stringify(pair), "utf8").toString("base64url");

describe("decodeCursor", () => {
  it("reads back the cursor encodeCursor wrote", () => {
    const row = { createdAt: new Date("2026-12-07T04:58:01.123Z"), id: "cm4offer0001" };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
  });

  it.each([
    ["garbage", "garbage"],
    ["a number as the id", cursorOf(["2026-01-01T00:00:00.000Z", 1])],
    // Valid in JavaScript, out of PostgreSQL's timestamp range: the query failed with a 500.
    ["a moment before PostgreSQL's first year", cursorOf(["-271821-04-20T00:00:00.000Z", "x"])],
    ["a moment after the year 9999", cursorOf(["+275760-09-13T00:00:00.000Z", "x"])],
    ["a bare number as the moment", cursorOf(["1", "x"])],
  ])("refuses %s with a sentence saying what to pass", (_case, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      "The cursor is not valid: pass the next_cursor of the previous page as it is.",
    );
  });
});
