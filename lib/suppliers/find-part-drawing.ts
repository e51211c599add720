import type { Database } from "../db/prisma";

/**
 * The newest drawing the buyer sent with a part (with a manual quote request), or null. Only for the
 * supplier whose job the part is: callers check that first.
 */
export async function findPartDrawing(
  db: Database,
  partId: string,
): Promise<{ storageKey: string; fileName: string } | null> {
  const request = await db.manualQuoteRequest.findFirst({
    where: { partId, drawingStorageKey: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { drawingStorageKey: true, drawingFileName: true },
  });
  return request?.drawingStorageKey
    ? { storageKey: request.drawingStorageKey, fileName: request.drawingFileName ?? "drawing" }
    : null;
}
