import { describe, expect, it } from "vitest";
import { stoppedApiKeyScopes } from "./stopped-api-key-scopes";

const supplierScopes = ["offers:read", "offers:write", "jobs:write", "payouts:read", "webhooks:manage"];
const createdBy = (
  role: Parameters<typeof stoppedApiKeyScopes>[0]["createdBy"]["role"],
  disabledAt: Date | null = null,
) => ({
  role,
  companyId: "partner",
  disabledAt,
});

describe("stoppedApiKeyScopes", () => {
  it("stops nothing while the creator is still the admin", () => {
    expect(
      stoppedApiKeyScopes({
        scopes: supplierScopes,
        companyId: "partner",
        createdBy: createdBy("SUPPLIER_ADMIN"),
      }),
    ).toEqual([]);
  });

  it("stops the writes the creator's new role may not do, and keeps every read", () => {
    expect(
      stoppedApiKeyScopes({
        scopes: supplierScopes,
        companyId: "partner",
        createdBy: createdBy("SUPPLIER_FINANCE"),
      }),
    ).toEqual(["offers:write", "jobs:write", "webhooks:manage"]);
    expect(
      stoppedApiKeyScopes({
        scopes: supplierScopes,
        companyId: "partner",
        createdBy: createdBy("SUPPLIER_MEMBER"),
      }),
    ).toEqual(["webhooks:manage"]);
    expect(
      stoppedApiKeyScopes({
        scopes: ["parts:write", "quotes:write", "orders:read", "orders:write"],
        companyId: "partner",
        createdBy: createdBy("BUYER_ENGINEER"),
      }),
    ).toEqual(["orders:write"]);
  });

  it("stops every write once the creator left the team", () => {
    expect(
      stoppedApiKeyScopes({
        scopes: supplierScopes,
        companyId: "partner",
        createdBy: createdBy("SUPPLIER_ADMIN", new Date()),
      }),
    ).toEqual(["offers:write", "jobs:write", "webhooks:manage"]);
  });
});
