import { finishCodes, manufacturingProcesses } from "../../quoting-engine/catalogue/catalogue";
import { ManufacturingProcess, ToleranceClass } from "../db/generated/enums";

// Codes that look like words ("fdm", "medium", "fine") are left out: only codes no name contains.
const codes = [
  ...finishCodes,
  ...manufacturingProcesses.filter((code) => code.includes("_")),
  ...Object.values(ManufacturingProcess).filter((code) => code.includes("_")),
  ...Object.values(ToleranceClass),
];

/**
 * The first catalogue code found in a text meant for people (a page, an e-mail, a PDF), or undefined:
 * tests use it to prove users see names, never codes.
 */
export function catalogueCodeIn(text: string): string | undefined {
  return codes.find((code) => new RegExp(`(^|[^\\w-])${code}($|[^\\w-])`).test(text));
}
