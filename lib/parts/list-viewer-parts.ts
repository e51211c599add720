import type { Database } from "../db/prisma";
import type { PartViewer } from "./find-viewable-part";

/** The viewer's most recent parts (company's, or this browser's before sign-up), newest first. */
export async function listViewerParts(db: Database, viewer: PartViewer, limit = 20) {
  const owners = [
    ...(viewer.companyId ? [{ companyId: viewer.companyId }] : []),
    ...(viewer.visitorToken ? [{ visitorToken: viewer.visitorToken }] : []),
  ];
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
