import type { ManufacturingProcess } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { storedSheetMetalSchema } from "../parts/stored-sheet-metal-schema";
import { loadPricingData } from "../pricing/load-pricing-data";
import type { LineToMatch, SupplierCandidate } from "./rank-candidates";
import { sheetMachineCapabilityOf } from "./sheet-machine-capability-of";
import { sheetLineNeedsOfParts } from "./sheet-line-needs";
import { separatePartsSchema } from "../parts/sheet-metal-analysis-schema";
import { sheetSetOf } from "../../quoting-engine/analysis/describe-separate-parts";

/**
 * For a laser-cut or sheet-metal line: what it asks of a partner's machines (sheetLineNeeds: the blank
 * at the ordered material's K-factor, as pricing sizes it, the thickness, bends and the material's group
 * and strength from the pricing settings), and each candidate's lasers and press brakes, so
 * rankCandidates can skip partners who cannot make it. The box envelope check is left out for such
 * lines: a bent part's box says nothing about a laser's sheet.
 * A file of several sheet parts asks for what its largest blank and its most bent part need.
 * Other lines, and sheet lines whose analysis has no flat pattern, pass through unchanged.
 */
export async function withSheetMachines(
  db: Database | TransactionClient,
  line: { id: string; process: ManufacturingProcess; materialCode: string },
  lineToMatch: LineToMatch,
  candidates: SupplierCandidate[],
): Promise<{ lineToMatch: LineToMatch; candidates: SupplierCandidate[] }> {
  if (line.process !== "SHEET_METAL" && line.process !== "LASER_CUTTING") return { lineToMatch, candidates };
  const row = await db.orderLine.findUnique({
    where: { id: line.id },
    select: { part: { select: { analysis: true } } },
  });
  const analysis = row?.part.analysis;
  const stored =
    analysis && typeof analysis === "object" && !Array.isArray(analysis) ? analysis.sheetMetal : undefined;
  const sheet = storedSheetMetalSchema.safeParse(stored);
  // A file of several sheet parts of one thickness: each part's own blank (decision 0110).
  const parts = separatePartsSchema.safeParse(
    analysis && typeof analysis === "object" && !Array.isArray(analysis) ? analysis.separateParts : undefined,
  );
  const sheets =
    sheet.success && sheet.data.ok
      ? [sheet.data]
      : ((parts.success && parts.data ? sheetSetOf(parts.data) : undefined) ?? []);
  if (sheets.length === 0) return { lineToMatch, candidates };
  const { data } = await loadPricingData(db as Database);
  const needs = sheetLineNeedsOfParts(
    sheets,
    { bent: line.process === "SHEET_METAL", materialCode: line.materialCode },
    data,
  );
  if (!needs) return { lineToMatch, candidates };
  const machines = await db.sheetMetalMachine.findMany({
    where: { companyId: { in: candidates.map((candidate) => candidate.companyId) } },
  });
  return {
    lineToMatch: { ...lineToMatch, partSizeMm: [], sheet: needs },
    candidates: candidates.map((candidate) => ({
      ...candidate,
      sheetMachines: machines
        .filter((machine) => machine.companyId === candidate.companyId)
        .map(sheetMachineCapabilityOf),
    })),
  };
}
