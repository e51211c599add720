import type { Database } from "../db/prisma";
import { partOwnersOf, type PartViewer } from "./find-viewable-part";

/** The viewer's most recent parts (company's, or this browser's before sign-up), newest first. */
export async function listViewerParts(db: Database, viewer: PartViewer, limit = 20) {
  const owners = partOwnersOf(viewer);
  if (owners.length === 0) return [];
  return db.part.findMany({
    where: { OR: owners },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      originalFileName: true,
      status: true,
      format: true,
      sizeBytes: true,
      failureMessage: true,
      createdAt: true,
    },
  });
}
