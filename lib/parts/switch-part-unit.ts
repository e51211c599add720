import type { MeshUnitChoice } from "../../quoting-engine/analysis/describe-mesh-unit";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import type { JobQueue } from "../jobs/job-queue";
import { findViewablePart, type PartViewer } from "./find-viewable-part";
import { analysisPriority } from "./store-part-upload";
import { meshUnitNames, partUnit, toDatabaseUnit } from "./part-unit";

/**
 * Reads an STL or OBJ part's stored file again in another unit (docs/decisions/0037): the part keeps
 * the unit, is analysed again from storage and priced from the new analysis, with no new upload. Prices
 * already given for the old size never change silently: a part that was ordered keeps its size (refused;
 * upload the file again to quote it in another unit), and its open quotes (in a cart or as a quote
 * document) are superseded and leave the carts, which the answer says. Owner only (the viewer's company or
 * browser). Returns what was superseded; nothing changes when the unit is already the one chosen.
 */
export async function switchPartUnit(
  deps: { db: Database; queue: () => Promise<Pick<JobQueue, "send">> },
  viewer: PartViewer,
  partId: string,
  unit: MeshUnitChoice,
): Promise<{ changed: boolean; supersededQuotes: number; removedCartLines: number }> {
  const { db } = deps;
  const switched = await db.$transaction(async (tx) => {
    const part = await findViewablePart(tx as unknown as Database, partId, viewer);
    if (part.format !== "STL" && part.format !== "OBJ")
      throw new AppError(
        "conflict",
        "This file states its own unit, so its size is measured as drawn. Only STL and OBJ files, which carry no unit, can be switched.",
      );
    if (part.status !== "ANALYZED")
      throw new AppError(
        "conflict",
        "The part is still being measured. Choose the unit once its size is shown.",
      );
    if (partUnit(part) === unit) return null;
    const orderLines = await tx.orderLine.count({ where: { partId } });
    if (orderLines > 0)
      throw new AppError(
        "conflict",
        `This part has been ordered at its current size, so its unit stays. Upload the file again to quote it in ${meshUnitNames[unit]}.`,
      );
    const removedCartLines = await tx.cartItem.deleteMany({
      where: { quote: { partId, status: "ACTIVE" } },
    });
    const superseded = await tx.quote.updateMany({
      where: { partId, status: "ACTIVE" },
      data: { status: "SUPERSEDED" },
    });
    const claimed = await tx.part.updateMany({
      where: { id: partId, status: "ANALYZED" },
      data: { assumedUnit: toDatabaseUnit[unit], status: "ANALYZING" },
    });
    if (claimed.count === 0)
      throw new AppError("conflict", "The part is being measured again already. Wait for its new size.");
    return {
      previous: part.assumedUnit,
      companyId: part.companyId,
      supersededQuotes: superseded.count,
      removedCartLines: removedCartLines.count,
    };
  });
  if (!switched) return { changed: false, supersededQuotes: 0, removedCartLines: 0 };
  try {
    await (
      await deps.queue()
    ).send(
      "parts.analyze",
      { partId },
      {
        singletonKey: partId,
        priority: switched.companyId ? analysisPriority.signedIn : analysisPriority.visitor,
      },
    );
  } catch {
    // Without a job the part would wait for ever: it goes back to the old unit and analysis.
    await db.part.updateMany({
      where: { id: partId, status: "ANALYZING" },
      data: { status: "ANALYZED", assumedUnit: switched.previous },
    });
    throw new AppError(
      "service_unavailable",
      `We could not start measuring the part in ${meshUnitNames[unit]} just now. Please try again in a moment.`,
    );
  }
  return {
    changed: true,
    supersededQuotes: switched.supersededQuotes,
    removedCartLines: switched.removedCartLines,
  };
}
