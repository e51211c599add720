import { Readable } from "node:stream";
import { z } from "zod";
import type { QualityDocumentKind } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { hasControlCharactersInFileName } from "../storage/control-characters-in-file-name";
import type { FileStorage, StoredFile } from "../storage/file-storage";
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
function sniffType(head: Uint8Array): SniffedType | null {
  for (const [type, { magic }] of Object.entries(certificateFileTypes))
    if (magic.every((byte, index) => head[index] === byte)) return type as SniffedType;
  return null;
}

type Deps = { db: Database; storage: FileStorage };
type Uploader = { userId: string; companyId: string };

const refuse = (message: string) => new AppError("validation_failed", message, { field: "file" });

/** Refuses a file whose first bytes are not a type this kind of document may be; returns the type. */
function documentTypeOf(kind: QualityDocumentKind, fileName: string, head: Uint8Array): SniffedType {
  const allowed = qualityDocumentFileTypes[kind];
  const what = allowed.length === 1 ? "a PDF file" : "a PDF, PNG or JPEG file";
  const type = sniffType(head);
  if (!type || !allowed.includes(type))
    throw refuse(
      `"${fileName}" is not ${what}; attach the ${qualityDocumentLabels[kind].toLowerCase()} as ${what}.`,
    );
  return type;
}

/** Refuses a name with a line break, NUL or direction mark: it would be shown and sent in headers. */
function assertCleanFileName(fileName: string): void {
  if (hasControlCharactersInFileName(fileName))
    throw new AppError(
      "bad_request",
      "The file name contains a control character (a line break, NUL or a direction mark), which a file name cannot have. Rename the file and upload it again.",
      { field: "file" },
    );
}

function openJobWhere(orderLineId: string, uploader: Uploader) {
  return { id: orderLineId, supplierCompanyId: uploader.companyId, status: { in: [...openJobStatuses] } };
}

async function assertOpenJob(db: Database, orderLineId: string, uploader: Uploader): Promise<void> {
  if (!(await db.orderLine.findFirst({ where: openJobWhere(orderLineId, uploader), select: { id: true } })))
    throw new AppError(
      "not_found",
      "There is no open job like this for your company; documents go with a job before it ships.",
    );
}

/**
 * A partner keeps a quality document with its job while making it (accepted to quality check): the file
 * is checked by its first bytes (PDF; photos too for an inspection report), at most 10 MB, stored through
 * the file storage, then recorded. A document the order did not ask for is kept too (a partner may add a
 * report); one kind may have several files (a report in two parts).
 */
export async function uploadQualityDocument(
  deps: Deps,
  uploader: Uploader,
  orderLineId: string,
  input: { kind: unknown; file: File | null | undefined },
) {
  const kind = kindSchema.parse(input.kind);
  const file = input.file;
  if (!file || file.size === 0) throw refuse(`Choose the ${qualityDocumentLabels[kind].toLowerCase()} file.`);
  if (file.size > maxQualityDocumentBytes)
    throw refuse(`"${file.name}" is larger than 10 MB; attach a smaller file.`);
  assertCleanFileName(file.name);
  const type = documentTypeOf(kind, file.name, new Uint8Array(await file.slice(0, 8).arrayBuffer()));
  // Refuse a foreign or shipped job before storing anything.
  await assertOpenJob(deps.db, orderLineId, uploader);
  const stored = await deps.storage.put(Readable.fromWeb(file.stream() as never), {
    maxBytes: maxQualityDocumentBytes,
    contentType: type,
  });
  return recordQualityDocument(deps.db, uploader, orderLineId, { kind, type, fileName: file.name, stored });
}

/**
 * The API's way (decision 0069): the file is already in storage (streamed there, at most 10 MB); its first
 * bytes are read back to check its type, then it is recorded with the job as uploadQualityDocument does.
 */
export async function keepStoredQualityDocument(
  deps: Deps,
  uploader: Uploader,
  orderLineId: string,
  input: { kind: unknown; fileName: string; stored: StoredFile },
) {
  const kind = kindSchema.parse(input.kind);
  assertCleanFileName(input.fileName);
  await assertOpenJob(deps.db, orderLineId, uploader);
  const type = documentTypeOf(kind, input.fileName, await firstBytes(deps.storage, input.stored.key, 8));
  return recordQualityDocument(deps.db, uploader, orderLineId, {
    kind,
    type,
    fileName: input.fileName,
    stored: input.stored,
  });
}

async function firstBytes(storage: FileStorage, key: string, count: number): Promise<Uint8Array> {
  const stream = await storage.get(key);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= count) break;
  }
  stream.destroy();
  return new Uint8Array(Buffer.concat(chunks).subarray(0, count));
}

async function recordQualityDocument(
  db: Database,
  uploader: Uploader,
  orderLineId: string,
  input: { kind: QualityDocumentKind; type: SniffedType; fileName: string; stored: StoredFile },
) {
  const { kind, type, stored } = input;
  const extension = certificateFileTypes[type].extensions[0];
  const baseName = (input.fileName.split(/[\\/]/).pop() ?? "").trim().slice(0, 120) || "document";
  const fileName = baseName.toLowerCase().endsWith(extension) ? baseName : `${baseName}${extension}`;
  return db.$transaction(async (tx) => {
    const line = await tx.orderLine.findFirst({
      where: openJobWhere(orderLineId, uploader),
      select: { id: true, orderId: true },
    });
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
