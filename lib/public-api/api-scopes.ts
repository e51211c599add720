import type { Permission } from "../auth/permissions";
import type { CompanyKind } from "../db/generated/enums";

/**
 * Every scope a public API key may hold (issue 24, docs/decisions/0059), with the label the team page shows
 * and the kinds of company that may hold it. A key has the scopes chosen when it was created; an operation
 * names the one scope it needs (lib/public-api/public-api-route.ts).
 */
interface ApiScopeEntry {
  label: string;
  kinds: readonly CompanyKind[];
  /**
   * A scope that changes something acts as the key's creator, so it works only while the creator's current
   * role may do the same in the app (decision 0080): an admin demoted to finance no longer answers offers
   * by key either. Read scopes act for the company and have none.
   */
  creatorMay?: Permission;
}

export const apiScopes = {
  "parts:write": {
    label: "Upload parts and read their analysis and prices",
    kinds: ["BUYER"],
    creatorMay: "cart.edit",
  },
  "quotes:write": { label: "Create quotes", kinds: ["BUYER"], creatorMay: "cart.edit" },
  "orders:read": { label: "Read orders, their status and tracking", kinds: ["BUYER"] },
  "orders:write": { label: "Place orders", kinds: ["BUYER"], creatorMay: "order.place" },
  "documents:read": { label: "Download order documents", kinds: ["BUYER", "SUPPLIER"] },
  "offers:read": { label: "Read offers", kinds: ["SUPPLIER"] },
  "offers:write": {
    label: "Accept, reject and counter offers",
    kinds: ["SUPPLIER"],
    creatorMay: "supplier.offers.respond",
  },
  "jobs:write": {
    label: "Update jobs, shipping and quality documents",
    kinds: ["SUPPLIER"],
    creatorMay: "supplier.jobs.update",
  },
  "payouts:read": { label: "Read payouts", kinds: ["SUPPLIER"] },
  "webhooks:manage": {
    label: "Manage webhook endpoints",
    kinds: ["BUYER", "SUPPLIER"],
    creatorMay: "webhooks.manage",
  },
} as const satisfies Record<string, ApiScopeEntry>;

export type ApiScope = keyof typeof apiScopes;

export const apiScopeNames = Object.keys(apiScopes) as ApiScope[];

export function isApiScope(value: string): value is ApiScope {
  return Object.hasOwn(apiScopes, value);
}

/** The scopes a company of this kind may give its keys, in the table's order. */
export function apiScopesForCompanyKind(kind: CompanyKind): ApiScope[] {
  return apiScopeNames.filter((scope) => (apiScopes[scope].kinds as readonly CompanyKind[]).includes(kind));
}

/**
 * Scopes that only read: a suspended company's keys keep these (like its users, who may still read their
 * orders and documents), and lose the others until operations reinstate the company, except a scope whose
 * permission a suspended company keeps (jobs:write: it finishes the jobs it accepted; authenticate-api-key).
 */
export const readOnlyApiScopes: readonly ApiScope[] = [
  "orders:read",
  "documents:read",
  "offers:read",
  "payouts:read",
];

/** The permission the key's creator needs for a key to use this scope, or undefined for read scopes. */
export function creatorPermissionFor(scope: ApiScope): Permission | undefined {
  const entry: ApiScopeEntry = apiScopes[scope];
  return entry.creatorMay;
}
