import { describe, expect, it, vi } from "vitest";

describe("the transaction pg clients handed over by token", () => {
  it("are one map for every copy of the module, as Next's server layers each load their own copy", async () => {
    const first = await import("./transaction-queries-in-turn");
    vi.resetModules();
    const second = await import("./transaction-queries-in-turn");
    expect(second).not.toBe(first);
    expect(second.pgClientsByToken).toBe(first.pgClientsByToken);
  });
});
