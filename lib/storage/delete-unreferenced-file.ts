import type { Database, TransactionClient } from "../db/prisma";
import type { FileStorage } from "./file-storage";

/**
 * Deletes a stored file unless some row still refers to it. Files are stored by their SHA-256, so the
 * same bytes uploaded twice (or a CAD file that is also a drawing) share one key: a file goes only when
 * nothing names it. Every column that holds a storage key is asked. The check and the delete happen
 * under the key's advisory lock, which a new upload of the same bytes takes to confirm its file is still
 * there (confirmStoredFile). Returns whether it was deleted.
 */
export async function deleteUnreferencedFile(
  db: Database,
  storage: FileStorage,
  key: string,
): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      await lockStorageKey(tx, key);
      const references = await Promise.all([
        tx.part.count({ where: { OR: [{ storageKey: key }, { displayMeshKey: key }] } }),
        tx.manualQuoteRequest.count({ where: { drawingStorageKey: key } }),
        tx.certificate.count({ where: { storageKey: key } }),
        tx.qualityDocument.count({ where: { storageKey: key } }),
        tx.auditEvidence.count({ where: { storageKey: key } }),
        tx.invoice.count({ where: { storageKey: key } }),
        tx.complaint.count({ where: { photoStorageKeys: { has: key } } }),
      ]);
      if (references.some((count) => count > 0)) return false;
      await storage.delete(key);
      return true;
    },
    { timeout: 30_000 },
  );
}

/**
 * For a row just written that names `key`: true when the file is still in storage. Waits for a clean-up
 * deciding about the same key at that moment; after it, either the clean-up saw the row (and kept the
 * file) or it deleted the file before the row existed, which this then reports.
 */
export async function confirmStoredFile(db: Database, storage: FileStorage, key: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockStorageKey(tx, key);
    return storage.exists(key);
  });
}

async function lockStorageKey(tx: TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`storage-file:${key}`}))`;
}
