import { describe, expect, it } from "vitest";
import { newRowId } from "./new-row-id";

describe("newRowId", () => {
  it("is shaped like a cuid and does not repeat", () => {
    const ids = Array.from({ length: 10_000 }, () => newRowId());
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
