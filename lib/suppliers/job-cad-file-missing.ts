import type { Database } from "../db/prisma";
import type { FileStorage } from "../storage/file-storage";

/** What the partner reads where the CAD file's download would be, or when a download finds it gone. */
export const missingCadFileMessage =
  "The CAD file of this job is missing from our storage. Our operations team has been told and will send it " +
  "to you; please do not start production until you have it.";

/** Flags a part whose stored file is gone, so operations see it under Missing files at once (issue 22). */
export async function flagPartFileMissing(db: Database, partId: string, now = new Date()): Promise<void> {
  await db.part.updateMany({
    where: { id: partId, fileMissingSince: null },
    data: { fileMissingSince: now },
  });
}

/**
 * Whether a job's CAD file is gone from storage, asked before the job page offers its download: the link
 * downloads, so a refusal would be saved as "cad.json" with the page unchanged (found on walk 7). A file
 * found missing is flagged for operations at once, as a failed download flags it.
 */
export async function jobCadFileMissing(
  db: Database,
  storage: FileStorage,
  part: { id: string; storageKey: string },
): Promise<boolean> {
  if (await storage.exists(part.storageKey)) return false;
  await flagPartFileMissing(db, part.id);
  return true;
}
