import type { ManufacturingProcess, ToleranceClass } from "@/lib/db/generated/enums";
import { processLabels } from "@/lib/catalogue/process-labels";
import { toleranceLabels } from "@/lib/quotes/tolerance-codes";

/** "12 Dec 2026" for dates the portal shows (delivery dates are calendar days, kept in UTC). */
export function formatDay(date: Date): string {
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** "Thu 12 Dec, 14:30" in Germany's time, for deadlines. */
export function formatMoment(date: Date): string {
  return date.toLocaleString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Berlin",
  });
}

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
