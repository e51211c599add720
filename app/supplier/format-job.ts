import type { ManufacturingProcess, ToleranceClass } from "@/lib/db/generated/enums";
import { processLabels } from "@/lib/catalogue/process-labels";
import { toleranceLabels } from "@/lib/quotes/tolerance-codes";

export function describeJob(line: {
  process: ManufacturingProcess;
  materialCode: string;
  toleranceClass?: ToleranceClass;
}): string {
  return [
    processLabels[line.process],
    line.materialCode,
    line.toleranceClass && toleranceLabels[line.toleranceClass],
  ]
    .filter(Boolean)
    .join(" · ");
}

export function formatSize(sizeMm: number[]): string {
  return sizeMm.length === 3 ? `${sizeMm.map((edge) => edge.toFixed(1)).join(" × ")} mm` : "size unknown";
}
