import {
  finishNames,
  manufacturingProcesses,
  processNames,
  toleranceNames,
  toleranceOptions,
} from "../../quoting-engine/catalogue/catalogue";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";

/** The choices the part page offers: each process with its materials and finishes, and the tolerances. */
export function quoteCatalogue(data: PricingData) {
  return {
    processes: manufacturingProcesses.map((process) => ({
      code: process,
      name: processNames[process],
      materials: data.materials
        .filter((material) => material.processes.includes(process))
        .map((material) => ({ code: material.code, name: material.name })),
      finishes: data.finishes
        .filter((finish) => finish.processes.includes(process))
        .map((finish) => ({
          code: finish.code,
          name: finishNames[finish.code],
          ...(finish.materialCodes ? { materialCodes: finish.materialCodes } : {}),
          plain: finish.centsPerCm2 === 0 && finish.centsPerOrder === 0,
        })),
    })),
    tolerances: toleranceOptions.map((code) => ({ code, name: toleranceNames[code] })),
  };
}

export type QuoteCatalogue = ReturnType<typeof quoteCatalogue>;
