import { describe, expect, it } from "vitest";
import { actionGuards } from "./guard-table";
import { may, permissions, userRoles } from "./permissions";

describe("the permission table", () => {
  it("keeps what follows an order (delivery, complaint, rating, payment) from engineers", () => {
    for (const permission of [
      "order.place",
      "order.pay",
      "order.cancel",
      "order.confirmDelivery",
      "order.complain",
      "order.rate",
    ] as const) {
      expect(may("BUYER_ENGINEER", permission), permission).toBe(false);
      expect(may("BUYER_PURCHASER", permission), permission).toBe(true);
      expect(may("BUYER_ADMIN", permission), permission).toBe(true);
    }
    expect(may("BUYER_ENGINEER", "cart.edit")).toBe(true);
    expect(may("BUYER_PURCHASER", "team.manage")).toBe(false);
  });

  it("lets a visitor do only public things", () => {
    const open = Object.keys(permissions).filter((permission) =>
      may(null, permission as keyof typeof permissions),
    );
    expect(open).toEqual(["public"]);
  });

  it("keeps /ops to operations, the partner's money to its admin and finance, its profile and team to its admin", () => {
    for (const role of userRoles) {
      expect(may(role, "ops.settings.edit")).toBe(role === "OPERATIONS");
      expect(may(role, "supplier.payouts.edit")).toBe(
        role === "SUPPLIER_ADMIN" || role === "SUPPLIER_FINANCE",
      );
      expect(may(role, "supplier.offers.respond")).toBe(
        role === "SUPPLIER_ADMIN" || role === "SUPPLIER_MEMBER",
      );
      expect(may(role, "supplier.profile.edit")).toBe(role === "SUPPLIER_ADMIN");
      expect(may(role, "supplier.team.manage")).toBe(role === "SUPPLIER_ADMIN");
    }
  });

  it("guards every action of the operations console with an operations permission", () => {
    for (const [action, permission] of Object.entries(actionGuards))
      if (action.startsWith("app/ops/")) expect(permission, action).toMatch(/^ops\./);
  });
});
