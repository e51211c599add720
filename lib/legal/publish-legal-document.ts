import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { ensureLegalDocuments } from "./load-legal-documents";

export const publishLegalDocumentSchema = z.object({
  kind: z.enum(["TERMS", "PRIVACY"], { error: "Choose the terms of business or the privacy notice." }),
  title: z.string().trim().min(3, "Enter a title.").max(200, "Use at most 200 characters for the title."),
  body: z
    .string()
    .trim()
    .min(50, "Enter the whole text (at least 50 characters).")
    .max(100_000, "Use at most 100,000 characters."),
});

/**
 * Operations publish a new version of the terms or the privacy notice: the next version number, in
 * force from now on; earlier versions stay as they were (orders name the version their buyer
 * accepted). Two publications at once get consecutive numbers (a lock per kind). Logged.
 */
export async function publishLegalDocument(
  db: Database,
  publisherUserId: string,
  input: unknown,
  now = new Date(),
): Promise<{ version: number }> {
  const { kind, title, body } = publishLegalDocumentSchema.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`legal-document:${kind}`}, 0))`;
    await ensureLegalDocuments(tx, now);
    const latest = await tx.legalDocument.findFirstOrThrow({ where: { kind }, orderBy: { version: "desc" } });
    const published = await tx.legalDocument.create({
      data: {
        kind,
        version: latest.version + 1,
        title,
        body,
        publishedAt: now,
        publishedById: publisherUserId,
      },
    });
    const publisher = await tx.user.findUniqueOrThrow({
      where: { id: publisherUserId },
      select: { companyId: true },
    });
    await recordAuditLog(tx, {
      actorUserId: publisherUserId,
      companyId: publisher.companyId,
      action: "legal_document.published",
      entityType: "LegalDocument",
      entityId: published.id,
      data: { kind, version: published.version },
    });
    return { version: published.version };
  });
}
