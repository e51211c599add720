// The engine's FDM estimate as the printing benchmark measures it: one function, so the FDM model
// (quoting-engine/printing/estimate-fdm-print.ts, when it lands) replaces today's cost lines here in one line.
import type { AnalysisReport } from "../quoting-engine/analysis/analyze-file";
import type { DisplayMesh } from "../quoting-engine/analysis/analyze-model";
import { estimateAdditiveCost } from "../quoting-engine/pricing/estimate-additive-cost";
import { defaultPricingData } from "../quoting-engine/pricing/default-pricing-data";

export interface PrintEstimate {
  minutes: number;
  /** Extruded volume (part and supports), the slicer's "filament used", without the waste share. */
  filamentMm3: number;
}

const data = defaultPricingData;
const process = data.processes.fdm;
const material = data.materials.find((candidate) => candidate.code === "FDM-PLA")!;

/**
 * Today's FDM print: the machine line's minutes of `estimateAdditiveCost` (PLA, medium tolerance, one
 * part) and the extruded volume its material line is priced on, less the waste share it adds.
 */
export function estimatePrint(report: AnalysisReport, _displayMesh: DisplayMesh): PrintEstimate {
  const estimate = estimateAdditiveCost(
    { report, material, process, data, tolerance: data.tolerances.medium, quantity: 1 },
    "fdm",
  );
  const machine = estimate.lines.find((line) => line.kind === "machine");
  const materialLine = estimate.lines.find((line) => line.kind === "material");
  const materialCm3 =
    ((materialLine?.centsPerPart ?? 0) * 1000) / (material.densityGPerCm3 * material.priceCentsPerKg);
  const waste = process.parameters.materialWasteShare ?? 0;
  return { minutes: machine?.minutesPerPart ?? 0, filamentMm3: (materialCm3 * 1000) / (1 + waste) };
}
