import { describe, expect, it } from "vitest";
import { apiKeyExpiryDays } from "./api-key-expiry-days";

describe("the days a new API key's last day may name", () => {
  it("start tomorrow in Berlin: a key that ends today would work for hours (walk 9)", () => {
    expect(apiKeyExpiryDays(new Date("2026-12-07T12:00:00Z"))).toEqual({
      first: "2026-12-08",
      last: "2029-12-07",
      usual: "2027-12-07",
    });
  });

  it("count Berlin's day, not UTC's, around midnight and the turn of the year", () => {
    // 23:30 UTC on 31 December is already 1 January in Berlin.
    expect(apiKeyExpiryDays(new Date("2026-12-31T23:30:00Z")).first).toBe("2027-01-02");
    expect(apiKeyExpiryDays(new Date("2026-12-31T22:30:00Z")).first).toBe("2027-01-01");
  });
});
