import type { LegalDocumentKind } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { demoLegalTexts } from "./demo-legal-texts";

/**
 * Version 1 of each text from the demo texts, when none is published yet (a database from before they
 * existed, or a test without the seed): checkout always has versions to accept. Safe to repeat.
 */
export async function ensureLegalDocuments(
  db: Database | TransactionClient,
  now = new Date(),
): Promise<void> {
  await db.legalDocument.createMany({
    data: (["TERMS", "PRIVACY"] as const).map((kind) => ({
      kind,
      version: 1,
      ...demoLegalTexts[kind],
      publishedAt: now,
    })),
    skipDuplicates: true,
  });
}

/** The version of a text in force now: the highest published. */
export async function loadCurrentLegalDocument(db: Database | TransactionClient, kind: LegalDocumentKind) {
  const current = await db.legalDocument.findFirst({ where: { kind }, orderBy: { version: "desc" } });
  if (current) return current;
  await ensureLegalDocuments(db);
  return db.legalDocument.findFirstOrThrow({ where: { kind }, orderBy: { version: "desc" } });
}

/** The current terms and privacy notice's version numbers, as the checkout asks to accept them. */
export async function loadCurrentLegalVersions(
  db: Database | TransactionClient,
): Promise<{ termsVersion: number; privacyVersion: number }> {
  const [terms, privacy] = await Promise.all([
    loadCurrentLegalDocument(db, "TERMS"),
    loadCurrentLegalDocument(db, "PRIVACY"),
  ]);
  return { termsVersion: terms.version, privacyVersion: privacy.version };
}

/** Every version of a text, newest first, without the bodies. */
export function listLegalDocumentVersions(db: Database, kind: LegalDocumentKind) {
  return db.legalDocument.findMany({
    where: { kind },
    orderBy: { version: "desc" },
    select: { version: true, title: true, publishedAt: true, publishedBy: { select: { name: true } } },
  });
}
