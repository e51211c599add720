import type { Metadata } from "next";
import { LegalDocumentView } from "../legal-document-view";

export const metadata: Metadata = { title: "Terms of business" };

/** Public: the current version, older ones by ?version=N. Operations publish new ones at /ops/legal. */
export default async function TermsPage({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  const { version } = await searchParams;
  return (
    <LegalDocumentView kind="TERMS" requestedVersion={typeof version === "string" ? version : undefined} />
  );
}
