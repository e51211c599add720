import { describe, expect, it } from "vitest";
import { areaForRole, homePathForRole } from "./roles";

describe("areaForRole", () => {
  it.each([
    ["BUYER_ADMIN", "buyer", "/"],
    ["BUYER_ENGINEER", "buyer", "/"],
    ["SUPPLIER_MEMBER", "supplier", "/supplier"],
    ["SUPPLIER_FINANCE", "supplier", "/supplier/payouts"],
    ["OPERATIONS", "ops", "/ops"],
  ] as const)("sends %s to the %s area at %s", (role, area, home) => {
    expect(areaForRole(role)).toBe(area);
    expect(homePathForRole(role)).toBe(home);
  });
});
