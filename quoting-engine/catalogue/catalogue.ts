/**
 * What the platform offers, written once: processes, tolerance options, finishes, CAD formats and the
 * quantities a quote accepts, each code with the name a person reads. The app derives its zod schemas,
 * option lists, upload accept-list and labels from here; the database's enum spellings are mapped in one
 * file (lib/db/catalogue-codes.ts). Prices live in the pricing data, not here.
 */

/** Every process the engine checks and prices, in the order the product lists them. */
export const manufacturingProcesses = [
  "cnc_milling",
  "cnc_turning",
  "fdm",
  "sla",
  "sls",
  "mjf",
  "metal_pbf",
  "sheet_metal",
  "laser_cutting",
] as const;

export type ManufacturingProcess = (typeof manufacturingProcesses)[number];

/** Each process's name where it starts a sentence, a list item or a table cell. */
export const processNames: Record<ManufacturingProcess, string> = {
  cnc_milling: "CNC milling",
  cnc_turning: "CNC turning",
  fdm: "FDM",
  sla: "SLA",
  sls: "SLS",
  mjf: "MJF",
  metal_pbf: "Metal powder-bed fusion",
  sheet_metal: "Sheet metal (laser cut and bent)",
  laser_cutting: "Laser cutting",
};

/** "metal powder-bed fusion": the name inside a sentence (acronyms such as "CNC" and "FDM" keep their case). */
export function processNameInSentence(process: ManufacturingProcess): string {
  const name = processNames[process];
  const [first, second] = name;
  return first && second && second === second.toLowerCase() ? first.toLowerCase() + name.slice(1) : name;
}

/**
 * ISO 2768 general tolerances the engine prices, and "tighter", which an engineer prices from the
 * drawing; listed coarse to fine, as the buyer chooses them.
 */
export const toleranceOptions = ["coarse", "medium", "fine", "tighter"] as const;

export type ToleranceOption = (typeof toleranceOptions)[number];
/** The tolerance classes the engine prices by itself. */
export type PricedTolerance = Exclude<ToleranceOption, "tighter">;

export const toleranceNames: Record<ToleranceOption, string> = {
  coarse: "ISO 2768-c (coarse)",
  medium: "ISO 2768-m (medium)",
  fine: "ISO 2768-f (fine)",
  tighter: "Tighter than ISO 2768-f (quoted by an engineer)",
};

/** What a quote assumes when the buyer chose no tolerance. */
export const defaultTolerance: PricedTolerance = "medium";

/** Surface finishes; which process and material each suits, and its price, are pricing data. */
export const finishCodes = [
  "as-machined",
  "bead-blasted",
  "anodized-clear",
  "as-printed",
  "dyed-black",
  "as-cut",
  "powder-coated",
  "zinc-plated",
] as const;

export type FinishCode = (typeof finishCodes)[number];

export const finishNames: Record<FinishCode, string> = {
  "as-machined": "As machined (Ra 3.2 µm)",
  "bead-blasted": "Bead blasted",
  "anodized-clear": "Anodised, clear (type II)",
  "as-printed": "As printed",
  "dyed-black": "Dyed black",
  "as-cut": "As cut, deburred",
  "powder-coated": "Powder coated (RAL colour, ~80 µm)",
  "zinc-plated": "Zinc plated (Fe/Zn 8, clear passivated)",
};

/**
 * The name of a finish for any stored code: a code the catalogue no longer lists (an old order's) is
 * still shown as words ("Hard anodized"), never as "hard-anodized".
 */
export function finishName(code: string): string {
  const known = finishCodes.find((finish) => finish === code);
  if (known) return finishNames[known];
  const words = code.replaceAll(/[-_]+/g, " ").trim();
  return words.length === 0 ? "Plain" : words[0]!.toUpperCase() + words.slice(1);
}

/** The CAD formats the engine reads, in the order the product names them. */
export const cadFormats = ["step", "iges", "brep", "stl", "obj", "3mf", "dxf"] as const;

export type CadFormat = (typeof cadFormats)[number];

export const cadFormatNames: Record<CadFormat, string> = {
  step: "STEP",
  iges: "IGES",
  brep: "BREP",
  stl: "STL",
  obj: "OBJ",
  "3mf": "3MF",
  dxf: "DXF",
};

/** The file-name extensions each format is taken from (lower case, without the dot). */
export const cadFormatExtensions: Record<CadFormat, readonly string[]> = {
  step: ["step", "stp", "p21"],
  iges: ["iges", "igs"],
  brep: ["brep", "brp"],
  stl: ["stl"],
  obj: ["obj"],
  "3mf": ["3mf"],
  dxf: ["dxf"],
};

/**
 * The formats the upload takes: all the engine reads. A DXF drawing of a flat part is priced as laser
 * cutting at the sheet thickness its buyer chooses on the part page (issue 23, docs/decisions/0058).
 */
export const uploadFormats: readonly CadFormat[] = cadFormats;

/** ".step", ".stp", ".p21", …: what the upload's file input and drop area accept. */
export const cadFileExtensions: readonly string[] = uploadFormats.flatMap((format) =>
  cadFormatExtensions[format].map((extension) => `.${extension}`),
);

/** "STEP (.step, .stp, .p21), IGES (.iges, .igs), …": the formats as a refusal lists them. */
export const cadFormatsInWords = uploadFormats
  .map(
    (format) =>
      `${cadFormatNames[format]} (${cadFormatExtensions[format].map((extension) => `.${extension}`).join(", ")})`,
  )
  .join(", ");

/** "STEP, IGES, BREP, STL, OBJ, 3MF or DXF": the formats by name, as a sentence lists them. */
export const cadFormatNamesInWords = uploadFormats
  .map((format) => cadFormatNames[format])
  .join(", ")
  .replace(/, (?=[^,]*$)/, " or ");

/** The format a file name claims by its extension (case-insensitive), or undefined. */
export function formatFromFileName(fileName: string): CadFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1];
  if (!extension) return undefined;
  return uploadFormats.find((format) => cadFormatExtensions[format].includes(extension));
}

/** The pieces one quote may ask for: a whole number in this range. */
export const quantityLimits = { min: 1, max: 100_000 } as const;

export function isQuantityInRange(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= quantityLimits.min && quantity <= quantityLimits.max;
}
