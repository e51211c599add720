import type { UserRole } from "../db/generated/enums";

/**
 * What each buyer role may do. Engineers quote and fill carts; purchasers also order; admins also
 * manage the team, the approval limit, and approve orders above it.
 */
export const buyerPermissions = {
  quote: ["BUYER_ADMIN", "BUYER_PURCHASER", "BUYER_ENGINEER"],
  order: ["BUYER_ADMIN", "BUYER_PURCHASER"],
  approve: ["BUYER_ADMIN"],
  manageTeam: ["BUYER_ADMIN"],
} as const satisfies Record<string, readonly UserRole[]>;

export type BuyerPermission = keyof typeof buyerPermissions;

export function buyerMay(role: UserRole, permission: BuyerPermission): boolean {
  return (buyerPermissions[permission] as readonly UserRole[]).includes(role);
}
