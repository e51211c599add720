import type { CompanyKind } from "../db/generated/enums";

/**
 * Every scope a public API key may hold (issue 24, docs/decisions/0059), with the label the team page shows
 * and the kinds of company that may hold it. A key has the scopes chosen when it was created; an operation
 * names the one scope it needs (lib/public-api/public-api-route.ts).
 */
export const apiScopes = {
  "parts:write": { label: "Upload parts and read their analysis and prices", kinds: ["BUYER"] },
  "quotes:write": { label: "Create quotes", kinds: ["BUYER"] },
  "orders:read": { label: "Read orders, their status and tracking", kinds: ["BUYER"] },
  "orders:write": { label: "Place orders", kinds: ["BUYER"] },
  "documents:read": { label: "Download order documents", kinds: ["BUYER", "SUPPLIER"] },
  "offers:read": { label: "Read offers", kinds: ["SUPPLIER"] },
  "offers:write": { label: "Accept, reject and counter offers", kinds: ["SUPPLIER"] },
  "jobs:write": { label: "Update jobs, shipping and quality documents", kinds: ["SUPPLIER"] },
  "payouts:read": { label: "Read payouts", kinds: ["SUPPLIER"] },
  "webhooks:manage": { label: "Manage webhook endpoints", kinds: ["BUYER", "SUPPLIER"] },
} as const satisfies Record<string, { label: string; kinds: readonly CompanyKind[] }>;

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
 * orders and documents), and lose the others until operations reinstate the company.
 */
export const readOnlyApiScopes: readonly ApiScope[] = [
  "orders:read",
  "documents:read",
  "offers:read",
  "payouts:read",
];
