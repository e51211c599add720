import type { ManufacturingProcess, ToleranceClass } from "@/lib/db/generated/enums";
import { processLabel, toleranceLabel } from "@/lib/catalogue/catalogue-labels";
import { countryName } from "@/lib/documents/country-name";

/** "CNC milling · Aluminium 6061-T6 · ISO 2768-m (medium)": names, never the catalogue's codes. */
export function describeJob(line: {
  process: ManufacturingProcess;
  quote: { material: { name: string } };
  toleranceClass?: ToleranceClass;
}): string {
  return [
    processLabel(line.process),
    line.quote.material.name,
    line.toleranceClass && toleranceLabel(line.toleranceClass),
  ]
    .filter(Boolean)
    .join(" · ");
}

export function formatSize(sizeMm: number[]): string {
  return sizeMm.length === 3 ? `${sizeMm.map((edge) => edge.toFixed(1)).join(" × ")} mm` : "size unknown";
}

/** The lines of a job's delivery address as the partner reads them: the country by its name. */
export function shipToLines(shipTo: {
  company?: string | null;
  name?: string | null;
  line?: string | null;
  postalCode?: string | null;
  city?: string | null;
  countryCode?: string | null;
}): string[] {
  return [
    shipTo.company,
    shipTo.name,
    shipTo.line,
    `${shipTo.postalCode ?? ""} ${shipTo.city ?? ""}`.trim(),
    countryName(shipTo.countryCode),
  ].filter((part): part is string => Boolean(part));
}
