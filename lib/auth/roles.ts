import type { UserRole } from "../db/generated/enums";

export type Area = "buyer" | "supplier" | "ops";

const areaByRole: Record<UserRole, Area> = {
  BUYER_ADMIN: "buyer",
  BUYER_PURCHASER: "buyer",
  BUYER_ENGINEER: "buyer",
  SUPPLIER_ADMIN: "supplier",
  SUPPLIER_MEMBER: "supplier",
  SUPPLIER_FINANCE: "supplier",
  OPERATIONS: "ops",
};

/** Which part of the product a role works in: the shop, the supplier portal or the operations console. */
export function areaForRole(role: UserRole): Area {
  return areaByRole[role];
}

/** Where a user lands after signing in: a partner's finance staff on the payouts, which are their work. */
export function homePathForRole(role: UserRole): string {
  if (role === "SUPPLIER_FINANCE") return "/supplier/payouts";
  return { buyer: "/", supplier: "/supplier", ops: "/ops" }[areaForRole(role)];
}

export const roleLabels: Record<UserRole, string> = {
  BUYER_ADMIN: "Buyer admin",
  BUYER_PURCHASER: "Purchaser",
  BUYER_ENGINEER: "Engineer",
  SUPPLIER_ADMIN: "Partner admin",
  // The production staff of a partner (decision 0041 kept the role's old name in the code).
  SUPPLIER_MEMBER: "Production",
  SUPPLIER_FINANCE: "Finance",
  OPERATIONS: "Operations",
};
