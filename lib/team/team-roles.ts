import type { Permission } from "../auth/permissions";
import { areaForRole } from "../auth/roles";
import type { UserRole } from "../db/generated/enums";

/** The roles of one kind of team (a buyer's or a partner's), and who manages it. */
export interface TeamKind {
  /** Least to most, as the invitation form offers them. */
  roles: readonly [UserRole, ...UserRole[]];
  /** What each role may do, for the role pickers. */
  roleChoices: Record<string, string>;
  roleError: string;
  adminRole: UserRole;
  managePermission: Permission;
  /** Completes "… invites you to join <company> on Instant Quote, …". */
  invitationPitch: string;
  teamPath: string;
}

const buyerTeam: TeamKind = {
  roles: ["BUYER_ENGINEER", "BUYER_PURCHASER", "BUYER_ADMIN"],
  roleChoices: {
    BUYER_ENGINEER: "Engineer: quotes and carts",
    BUYER_PURCHASER: "Purchaser: also places orders",
    BUYER_ADMIN: "Admin: also team, limit and approvals",
  },
  roleError: "Choose a role: engineer, purchaser or admin.",
  adminRole: "BUYER_ADMIN",
  managePermission: "team.manage",
  invitationPitch: "where you can get instant quotes for CNC and 3D-printed parts",
  teamPath: "/team",
};

// Decision 0041: SUPPLIER_MEMBER is the partner's production staff.
const supplierTeam: TeamKind = {
  roles: ["SUPPLIER_MEMBER", "SUPPLIER_FINANCE", "SUPPLIER_ADMIN"],
  roleChoices: {
    SUPPLIER_MEMBER: "Production: offers, CAD files, jobs and holidays",
    SUPPLIER_FINANCE: "Finance: payouts, invoices, payout and tax details",
    SUPPLIER_ADMIN: "Admin: everything, also the profile and the team",
  },
  roleError: "Choose a role: production, finance or admin.",
  adminRole: "SUPPLIER_ADMIN",
  managePermission: "supplier.team.manage",
  invitationPitch: "the partner portal where your company receives and handles manufacturing jobs",
  teamPath: "/supplier/team",
};

/** The team a user of this role belongs to; operations have no such team (they are created in /ops/team). */
export function teamKindOf(role: UserRole): TeamKind | null {
  const area = areaForRole(role);
  if (area === "buyer") return buyerTeam;
  if (area === "supplier") return supplierTeam;
  return null;
}

/** The role picker's options of a team, least to most. */
export function roleChoicesOf(team: TeamKind): { value: string; label: string }[] {
  return team.roles.map((role) => ({ value: role, label: team.roleChoices[role] ?? role }));
}
