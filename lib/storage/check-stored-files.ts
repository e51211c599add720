import type { Database } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { deleteUnreferencedFile } from "./delete-unreferenced-file";
import type { FileStorage } from "./file-storage";

export interface StoredFilesCheck {
  filesSeen: number;
  orphansDeleted: number;
  partsMissingFile: number;
}

/**
 * The daily storage check (job `storage.check-files`): files in storage that no row names and that are
 * older than the grace period are deleted (uploads the database refused, e.g. during an outage; the grace
 * period spares an upload between storing its file and writing its row); parts whose file is gone are
 * flagged (`fileMissingSince`, listed for operations at /ops/storage), and unflagged when it is back.
 * Safe to run twice; the deletion re-checks every reference under the file's lock.
 */
export async function checkStoredFiles(
  db: Database,
  storage: FileStorage,
  options: { orphanGraceHours: number; now?: Date },
): Promise<StoredFilesCheck> {
  const now = options.now ?? new Date();
  const referenced = await referencedKeys(db);
  const stored = new Set<string>();
  let orphansDeleted = 0;
  const graceStart = now.getTime() - options.orphanGraceHours * 3600_000;
  for await (const file of storage.list()) {
    stored.add(file.key);
    if (referenced.has(file.key) || file.modifiedAt.getTime() > graceStart) continue;
    if (await deleteUnreferencedFile(db, storage, file.key)) orphansDeleted++;
  }
  const parts = await db.part.findMany({
    select: { id: true, storageKey: true, fileMissingSince: true },
  });
  const missing = parts.filter((part) => !stored.has(part.storageKey));
  const back = parts.filter((part) => part.fileMissingSince && stored.has(part.storageKey));
  // A file listed as missing may have arrived after the listing: asked once more before flagging.
  const confirmedMissing: string[] = [];
  for (const part of missing) if (!(await storage.exists(part.storageKey))) confirmedMissing.push(part.id);
  await db.part.updateMany({
    where: { id: { in: confirmedMissing }, fileMissingSince: null },
    data: { fileMissingSince: now },
  });
  if (back.length)
    await db.part.updateMany({
      where: { id: { in: back.map((part) => part.id) } },
      data: { fileMissingSince: null },
    });
  const result = { filesSeen: stored.size, orphansDeleted, partsMissingFile: confirmedMissing.length };
  if (orphansDeleted || confirmedMissing.length) getLogger().warn(result, "storage check found problems");
  return result;
}

/** Every key a row names (the same columns deleteUnreferencedFile asks). */
async function referencedKeys(db: Database): Promise<Set<string>> {
  const [parts, drawings, certificates, evidence, invoices, complaints] = await Promise.all([
    db.part.findMany({ select: { storageKey: true, displayMeshKey: true } }),
    db.manualQuoteRequest.findMany({
      where: { drawingStorageKey: { not: null } },
      select: { drawingStorageKey: true },
    }),
    db.certificate.findMany({ where: { storageKey: { not: null } }, select: { storageKey: true } }),
    db.auditEvidence.findMany({ select: { storageKey: true } }),
    db.invoice.findMany({ where: { storageKey: { not: null } }, select: { storageKey: true } }),
    db.complaint.findMany({ select: { photoStorageKeys: true } }),
  ]);
  return new Set(
    [
      ...parts.flatMap((part) => [part.storageKey, part.displayMeshKey]),
      ...drawings.map((row) => row.drawingStorageKey),
      ...certificates.map((row) => row.storageKey),
      ...evidence.map((row) => row.storageKey),
      ...invoices.map((row) => row.storageKey),
      ...complaints.flatMap((row) => row.photoStorageKeys),
    ].filter((key): key is string => Boolean(key)),
  );
}
