import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

/** Who is looking: a buyer's company, and/or the visitor token of the browser. */
export interface PartViewer {
  companyId?: string;
  visitorToken?: string;
}

/**
 * A part its viewer may see: one of the viewer's company's parts, or one uploaded from this browser
 * before signing up. Anything else answers `not_found`, so part ids reveal nothing about other buyers.
 */
export async function findViewablePart(db: Database, partId: string, viewer: PartViewer) {
  const owners = partOwnersOf(viewer);
  const part = owners.length === 0 ? null : await db.part.findFirst({ where: { id: partId, OR: owners } });
  if (!part) throw new AppError("not_found", "There is no such part, or it belongs to someone else.");
  return part;
}

/** The Part conditions (any of them) that make a part the viewer's; empty for nobody. */
export function partOwnersOf(viewer: PartViewer) {
  return [
    ...(viewer.companyId ? [{ companyId: viewer.companyId }] : []),
    ...(viewer.visitorToken ? [{ visitorToken: viewer.visitorToken }] : []),
  ];
}
