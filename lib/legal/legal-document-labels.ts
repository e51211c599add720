import type { LegalDocumentKind } from "../db/generated/enums";

/** What the UI calls each text, and the public page that shows it. */
export const legalDocumentLabels: Record<LegalDocumentKind, { name: string; path: string }> = {
  TERMS: { name: "terms of business", path: "/terms" },
  PRIVACY: { name: "privacy notice", path: "/privacy" },
};
