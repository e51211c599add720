import type { CompanyStatus, UserRole } from "../db/generated/enums";

/** Every role, in the order the permission test signs in as them. */
export const userRoles = [
  "BUYER_ADMIN",
  "BUYER_PURCHASER",
  "BUYER_ENGINEER",
  "SUPPLIER_ADMIN",
  "SUPPLIER_MEMBER",
  "SUPPLIER_FINANCE",
  "OPERATIONS",
] as const satisfies readonly UserRole[];

/** Someone who is not signed in: may quote parts, sign up and sign in, nothing else. */
export const visitor = "VISITOR";
export type Actor = UserRole | typeof visitor;

const buyers = ["BUYER_ADMIN", "BUYER_PURCHASER", "BUYER_ENGINEER"] as const;
const orderers = ["BUYER_ADMIN", "BUYER_PURCHASER"] as const;
const suppliers = ["SUPPLIER_ADMIN", "SUPPLIER_MEMBER", "SUPPLIER_FINANCE"] as const;
// A partner's team (decision 0041): SUPPLIER_MEMBER is its production staff, SUPPLIER_FINANCE its finance.
const supplierProduction = ["SUPPLIER_ADMIN", "SUPPLIER_MEMBER"] as const;
const supplierFinance = ["SUPPLIER_ADMIN", "SUPPLIER_FINANCE"] as const;
const operations = ["OPERATIONS"] as const;

/**
 * Who may do what: the one table every page, route handler and server action is checked against
 * (lib/auth/guard-table.ts says which permission guards which of them; tests/security/permissions.spec.ts
 * calls each as every role). Buyers: engineers quote and fill carts; purchasers also order and handle
 * what follows an order (paying, cancelling, confirming delivery, which pays the supplier, complaints,
 * ratings); admins also manage the team, the approval limit and approve orders above it. Suppliers
 * (decision 0041): every member of a partner's team sees the portal (offers, jobs, capacity, scorecard,
 * profile and team, read-only); production staff (SUPPLIER_MEMBER) answer and counter offers, download CAD
 * files, report jobs and block holidays; finance staff (SUPPLIER_FINANCE) see payouts and self-billing
 * invoices and keep the payout and tax details; admins do both and alone edit the profile and manage the
 * team. Operations: everything in /ops.
 */
export const permissions = {
  /** Pages, uploads and quotes open to everyone (a visitor's parts are found by the visitor cookie). */
  public: [visitor, ...userRoles],
  /** Pages that only make sense signed in, whatever the role. */
  "account.signedIn": userRoles,

  "shop.view": buyers,
  "cart.edit": buyers,
  "order.place": orderers,
  "order.pay": orderers,
  "order.cancel": orderers,
  "order.confirmDelivery": orderers,
  "order.complain": orderers,
  "order.rate": orderers,
  "order.approve": ["BUYER_ADMIN"],
  "order.documents.view": [...buyers, ...operations],
  "team.manage": ["BUYER_ADMIN"],
  // Invoice terms commit the company to pay later: those who order and pay apply, not engineers.
  "company.invoiceTerms.apply": orderers,

  "supplier.portal": suppliers,
  "supplier.offers.respond": supplierProduction,
  "supplier.jobs.update": supplierProduction,
  "supplier.cad.download": supplierProduction,
  // Holidays and blocked days; the weekly hours belong to the processes, on the admin's profile form.
  "supplier.capacity.edit": supplierProduction,
  "supplier.certificates.view": [...suppliers, ...operations],
  "supplier.profile.edit": ["SUPPLIER_ADMIN"],
  "supplier.team.manage": ["SUPPLIER_ADMIN"],
  "supplier.payouts.view": supplierFinance,
  "supplier.payouts.edit": supplierFinance,
  "supplier.taxDetails.edit": supplierFinance,
  "supplier.invoices.view": [...supplierFinance, ...operations],
  // Issue 24 (decision 0061): webhook endpoints of the company, on the team page of buyers and partners.
  "webhooks.manage": ["BUYER_ADMIN", "SUPPLIER_ADMIN"],

  "ops.console": operations,
  "ops.orders.manage": operations,
  "ops.payments.manage": operations,
  "ops.quotes.answer": operations,
  "ops.suppliers.audit": operations,
  "ops.settings.edit": operations,
  "ops.team.manage": operations,
} as const satisfies Record<string, readonly Actor[]>;

export type Permission = keyof typeof permissions;

/**
 * What the users of a suspended company may still do. A suspended supplier signs in again to finish and
 * ship the jobs it accepted before and to be paid for them; it may not answer offers or change the
 * profile that the suspension is about until operations reinstate it; its admin may still change the
 * team (someone who left must lose access at once). A suspended buyer may read its
 * orders and documents, nothing more.
 */
export const suspendedCompanyPermissions: readonly Permission[] = [
  "public",
  "account.signedIn",
  "shop.view",
  "order.documents.view",
  "supplier.portal",
  "supplier.jobs.update",
  "supplier.cad.download",
  "supplier.certificates.view",
  // Removing someone who left must not wait for a reinstatement.
  "supplier.team.manage",
  "supplier.payouts.view",
  "supplier.payouts.edit",
  "supplier.invoices.view",
];

/** The permissions a visitor has: their guards hand the action no user, or a user of any role. */
export type VisitorPermission = {
  [P in Permission]: (typeof permissions)[P][number] extends infer A
    ? typeof visitor extends A
      ? P
      : never
    : never;
}[Permission];

/**
 * Whether a role (or a visitor, `null`) may do what the permission names; with the company's status, a
 * suspended company is held to suspendedCompanyPermissions.
 */
export function may(
  role: UserRole | null | undefined,
  permission: Permission,
  companyStatus?: CompanyStatus,
): boolean {
  if (companyStatus === "SUSPENDED" && !suspendedCompanyPermissions.includes(permission)) return false;
  return (permissions[permission] as readonly Actor[]).includes(role ?? visitor);
}
