// The engine's FDM estimate as the printing benchmark measures it: one function.
import type { AnalysisReport } from "../quoting-engine/analysis/analyze-file";
import type { DisplayMesh } from "../quoting-engine/analysis/analyze-model";
import { estimateFdmPrint } from "../quoting-engine/printing/estimate-fdm-print";
import { fdmMachineFrom } from "../quoting-engine/printing/fdm-machine-classes";
import { measureFdmLayers } from "../quoting-engine/printing/measure-fdm-layers";
import { defaultPricingData } from "../quoting-engine/pricing/default-pricing-data";

export interface PrintEstimate {
  minutes: number;
  /** Extruded volume (part and supports), the slicer's "filament used", without the waste share. */
  filamentMm3: number;
}

const machine = fdmMachineFrom(defaultPricingData.processes.fdm.parameters);

/**
 * The FDM print model (quoting-engine/printing, docs/decisions/0035) with the default pricing data's
 * machine class, the part as drawn. The analysis already stores the layer profile; it is measured
 * again here from the display mesh so "estimate alone" times the whole FDM-specific work (slicing the
 * layers, supports, the estimate), not just the last step.
 */
export function estimatePrint(_report: AnalysisReport, displayMesh: DisplayMesh): PrintEstimate {
  const profile = measureFdmLayers(displayMesh.positions, displayMesh.indices);
  const estimate = estimateFdmPrint(profile, machine);
  return { minutes: estimate.minutes, filamentMm3: estimate.filamentMm3 };
}
