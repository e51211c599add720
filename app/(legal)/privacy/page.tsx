import type { Metadata } from "next";
import { LegalDocumentView } from "../legal-document-view";

export const metadata: Metadata = { title: "Privacy notice" };

/** Public: the current version, older ones by ?version=N. Operations publish new ones at /ops/legal. */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  const { version } = await searchParams;
  return (
    <LegalDocumentView kind="PRIVACY" requestedVersion={typeof version === "string" ? version : undefined} />
  );
}
