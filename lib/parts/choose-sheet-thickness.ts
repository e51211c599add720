import { analysisContractVersion } from "../../quoting-engine/analysis/analyze-file";
import { drawingThicknessLimitsMm } from "../../quoting-engine/io/dxf/analyze-dxf-drawing";
import { flatPartReport } from "../../quoting-engine/io/dxf/flat-part-report";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { findViewablePart, type PartViewer } from "./find-viewable-part";
import { readStoredAnalysis } from "./read-stored-analysis";

/**
 * Sets the sheet thickness of a DXF drawing of a flat part (issue 23, docs/decisions/0058): the stored
 * flat pattern is priced again at the new thickness at once, with no new upload and no analysis job
 * (the outline does not depend on it). As with a unit switch (switch-part-unit.ts), prices given for the
 * old thickness never change silently: an ordered part keeps its thickness (refused), and its open quotes
 * (in a cart or as a quote document) are superseded and leave the carts. Owner only. One transaction.
 */
export async function chooseSheetThickness(
  db: Database,
  viewer: PartViewer,
  partId: string,
  thicknessMm: number,
): Promise<{ changed: boolean; supersededQuotes: number; removedCartLines: number }> {
  if (
    !Number.isFinite(thicknessMm) ||
    thicknessMm < drawingThicknessLimitsMm.min ||
    thicknessMm > drawingThicknessLimitsMm.max
  )
    throw new AppError(
      "validation_failed",
      `Choose a thickness from ${drawingThicknessLimitsMm.min} to ${drawingThicknessLimitsMm.max} mm.`,
      { field: "thicknessMm" },
    );
  return db.$transaction(async (tx) => {
    const part = await findViewablePart(tx as unknown as Database, partId, viewer);
    if (part.format !== "DXF")
      throw new AppError(
        "conflict",
        "Only a DXF drawing takes a sheet thickness: a 3D model is measured as drawn.",
      );
    const stored = readStoredAnalysis(part);
    const report = stored.kind === "current" ? stored.report : null;
    if (!report?.sheetMetal?.ok)
      throw new AppError(
        "conflict",
        "The drawing is still being read. Choose the thickness once its outline is shown.",
      );
    if (Math.abs(report.sheetMetal.thicknessMm - thicknessMm) < 1e-9)
      return { changed: false, supersededQuotes: 0, removedCartLines: 0 };
    const orderLines = await tx.orderLine.count({ where: { partId } });
    if (orderLines > 0)
      throw new AppError(
        "conflict",
        `This part has been ordered ${report.sheetMetal.thicknessMm} mm thick, so its thickness stays. Upload the drawing again to quote it ${thicknessMm} mm thick.`,
      );
    const removedCartLines = await tx.cartItem.deleteMany({
      where: { quote: { partId, status: "ACTIVE" } },
    });
    const superseded = await tx.quote.updateMany({
      where: { partId, status: "ACTIVE" },
      data: { status: "SUPERSEDED" },
    });
    const rewritten = flatPartReport(report.sheetMetal.flatPattern, thicknessMm, report.file, report);
    // Only the analysis this transaction read is replaced (a concurrent choice makes this one retry).
    const updated = await tx.part.updateMany({
      where: { id: partId, status: "ANALYZED", updatedAt: part.updatedAt },
      data: {
        sheetThicknessMm: thicknessMm,
        analysis: rewritten as unknown as object,
        analysisVersion: analysisContractVersion,
      },
    });
    if (updated.count === 0)
      throw new AppError("conflict", "The part changed meanwhile. Reload the page and choose again.");
    return { changed: true, supersededQuotes: superseded.count, removedCartLines: removedCartLines.count };
  });
}
