import type { ManufacturingProcess, ToleranceClass } from "@/lib/db/generated/enums";
import { processLabel, toleranceLabel } from "@/lib/catalogue/catalogue-labels";

export function describeJob(line: {
  process: ManufacturingProcess;
  materialCode: string;
  toleranceClass?: ToleranceClass;
}): string {
  return [
    processLabel(line.process),
    line.materialCode,
    line.toleranceClass && toleranceLabel(line.toleranceClass),
  ]
    .filter(Boolean)
    .join(" · ");
}

export function formatSize(sizeMm: number[]): string {
  return sizeMm.length === 3 ? `${sizeMm.map((edge) => edge.toFixed(1)).join(" × ")} mm` : "size unknown";
}
