import { manufacturingProcesses } from "../../quoting-engine/analysis/dfm-rules";
import { processLabels } from "../catalogue/process-labels";
import { dbProcessOf } from "./pricing-settings";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";

/** The choices the part page offers: each process with its materials and finishes, and the tolerances. */
export function quoteCatalogue(data: PricingData) {
  return {
    processes: manufacturingProcesses.map((process) => ({
      code: process,
      name: processLabels[dbProcessOf(process)],
      materials: data.materials
        .filter((material) => material.processes.includes(process))
        .map((material) => ({ code: material.code, name: material.name })),
      finishes: data.finishes
        .filter((finish) => finish.processes.includes(process))
        .map((finish) => ({
          code: finish.code,
          name: finish.name,
          ...(finish.materialCodes ? { materialCodes: finish.materialCodes } : {}),
          plain: finish.centsPerCm2 === 0 && finish.centsPerOrder === 0,
        })),
    })),
    tolerances: [
      ...(["coarse", "medium", "fine"] as const).map((code) => ({ code, name: data.tolerances[code].label })),
      { code: "tighter" as const, name: "Tighter than ISO 2768-f (quoted by an engineer)" },
    ],
  };
}

export type QuoteCatalogue = ReturnType<typeof quoteCatalogue>;
