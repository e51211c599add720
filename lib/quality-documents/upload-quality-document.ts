import { Readable } from "node:stream";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";
import { certificateFileTypes } from "../suppliers/add-certificate";
import { openJobStatuses } from "../suppliers/job-statuses";
import {
  maxQualityDocumentBytes,
  qualityDocumentFileTypes,
  qualityDocumentKinds,
  qualityDocumentLabels,
} from "./quality-document-kinds";

const kindSchema = z.enum(qualityDocumentKinds, { error: "Choose which document this is." });

type SniffedType = keyof typeof certificateFileTypes;

/** The file's real type by its first bytes (a renamed file is not what its name says), or null. */
async function sniffType(file: File): Promise<SniffedType | null> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  for (const [type, { magic }] of Object.entries(certificateFileTypes))
    if (magic.every((byte, index) => head[index] === byte)) return type as SniffedType;
  return null;
}

/**
 * A partner keeps a quality document with its job while making it (accepted to quality check): the file
 * is checked by its first bytes (PDF; photos too for an inspection report), at most 10 MB, stored through
 * the file storage, then recorded. A document the order did not ask for is kept too (a partner may add a
 * report); one kind may have several files (a report in two parts).
 */
export async function uploadQualityDocument(
  deps: { db: Database; storage: FileStorage },
  uploader: { userId: string; companyId: string },
  orderLineId: string,
  input: { kind: unknown; file: File | null | undefined },
) {
  const kind = kindSchema.parse(input.kind);
  const file = input.file;
  const refuse = (message: string) => new AppError("validation_failed", message, { field: "file" });
  if (!file || file.size === 0) throw refuse(`Choose the ${qualityDocumentLabels[kind].toLowerCase()} file.`);
  if (file.size > maxQualityDocumentBytes)
    throw refuse(`"${file.name}" is larger than 10 MB; attach a smaller file.`);
  const allowed = qualityDocumentFileTypes[kind];
  const what = allowed.length === 1 ? "a PDF file" : "a PDF, PNG or JPEG file";
  const type = await sniffType(file);
  if (!type || !allowed.includes(type))
    throw refuse(
      `"${file.name}" is not ${what}; attach the ${qualityDocumentLabels[kind].toLowerCase()} as ${what}.`,
    );
  const { db, storage } = deps;
  const where = {
    id: orderLineId,
    supplierCompanyId: uploader.companyId,
    status: { in: [...openJobStatuses] },
  };
  // Refuse a foreign or shipped job before storing anything.
  if (!(await db.orderLine.findFirst({ where, select: { id: true } })))
    throw new AppError(
      "not_found",
      "There is no open job like this for your company; documents go with a job before it ships.",
    );
  const stored = await storage.put(Readable.fromWeb(file.stream() as never), {
    maxBytes: maxQualityDocumentBytes,
    contentType: type,
  });
  const extension = certificateFileTypes[type].extensions[0];
  const baseName = (file.name.split(/[\\/]/).pop() ?? "").trim().slice(0, 120) || "document";
  const fileName = baseName.toLowerCase().endsWith(extension) ? baseName : `${baseName}${extension}`;
  return db.$transaction(async (tx) => {
    const line = await tx.orderLine.findFirst({ where, select: { id: true, orderId: true } });
    if (!line) throw new AppError("conflict", "The job shipped meanwhile; reload the page.");
    const document = await tx.qualityDocument.create({
      data: {
        orderLineId: line.id,
        kind,
        fileName,
        contentType: type,
        storageKey: stored.key,
        sizeBytes: stored.sizeBytes,
        uploadedById: uploader.userId,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: uploader.userId,
      companyId: uploader.companyId,
      action: "job.quality-document",
      entityType: "OrderLine",
      entityId: line.id,
      data: { documentId: document.id, kind, fileName },
    });
    return document;
  });
}
