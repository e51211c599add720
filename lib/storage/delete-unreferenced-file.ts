import type { Database } from "../db/prisma";
import type { FileStorage } from "./file-storage";

/**
 * Deletes a stored file unless some row still refers to it. Files are stored by their SHA-256, so the
 * same bytes uploaded twice (or a CAD file that is also a drawing) share one key: a file goes only when
 * nothing names it. Every column that holds a storage key is asked. Returns whether it was deleted.
 */
export async function deleteUnreferencedFile(
  db: Database,
  storage: FileStorage,
  key: string,
): Promise<boolean> {
  const references = await Promise.all([
    db.part.count({ where: { OR: [{ storageKey: key }, { displayMeshKey: key }] } }),
    db.manualQuoteRequest.count({ where: { drawingStorageKey: key } }),
    db.certificate.count({ where: { storageKey: key } }),
    db.auditEvidence.count({ where: { storageKey: key } }),
    db.invoice.count({ where: { storageKey: key } }),
    db.complaint.count({ where: { photoStorageKeys: { has: key } } }),
  ]);
  if (references.some((count) => count > 0)) return false;
  await storage.delete(key);
  return true;
}
