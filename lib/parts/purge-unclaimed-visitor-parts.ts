import type { Database } from "../db/prisma";
import type { Prisma } from "../db/generated/client";
import { deleteUnreferencedFile } from "../storage/delete-unreferenced-file";
import type { FileStorage } from "../storage/file-storage";

const dayMs = 24 * 3600_000;
const batchSize = 200;

/**
 * Deletes the parts visitors uploaded and never claimed (no company), once older than `retentionDays`,
 * with their stored CAD file and display mesh where no other row uses the same file. A part that a
 * company's cart, order or quote uses, or that has a manual quote request, is never deleted; each
 * delete re-checks that the part is still unclaimed, so a visitor signing up at that moment keeps it.
 * Also drops the visitor upload counts older than the quota windows. Safe to run again.
 */
export async function purgeUnclaimedVisitorParts(
  db: Database,
  storage: FileStorage,
  options: { retentionDays: number; now?: Date },
): Promise<{ deletedParts: number; deletedFiles: number }> {
  const now = options.now ?? new Date();
  const unclaimed: Prisma.PartWhereInput = {
    companyId: null,
    createdAt: { lt: new Date(now.getTime() - options.retentionDays * dayMs) },
    orderLines: { none: {} },
    manualQuoteRequests: { none: {} },
    quotes: {
      none: { OR: [{ companyId: { not: null } }, { cartItems: { some: {} } }, { orderLines: { some: {} } }] },
    },
  };
  let deletedParts = 0;
  let deletedFiles = 0;
  let afterId: string | undefined;
  for (;;) {
    const batch = await db.part.findMany({
      where: { ...unclaimed, ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true, storageKey: true, displayMeshKey: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    for (const part of batch) {
      const deleted = await db.part.deleteMany({ where: { ...unclaimed, id: part.id } });
      if (deleted.count === 0) continue;
      deletedParts++;
      for (const key of [part.storageKey, part.displayMeshKey])
        if (key && (await deleteUnreferencedFile(db, storage, key))) deletedFiles++;
    }
  }
  await db.visitorUpload.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 2 * dayMs) } } });
  return { deletedParts, deletedFiles };
}
