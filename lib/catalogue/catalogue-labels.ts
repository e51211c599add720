import {
  finishName,
  manufacturingProcesses,
  processNames,
  toleranceNames,
} from "../../quoting-engine/catalogue/catalogue";
import { dbProcessOf, engineProcessOf, engineToleranceOf } from "../db/catalogue-codes";
import type { ManufacturingProcess, ToleranceClass } from "../db/generated/enums";

/*
 * What a page, an e-mail or a PDF shows for a stored process, tolerance class or finish: the catalogue's
 * name (quoting-engine/catalogue), never the code. Code that holds the engine's codes reads
 * `processNames` and `toleranceNames` directly.
 */

/** "CNC milling" for CNC_MILLING. */
export const processLabel = (process: ManufacturingProcess): string => processNames[engineProcessOf(process)];

/** "ISO 2768-f (fine)" for ISO2768_FINE. */
export const toleranceLabel = (tolerance: ToleranceClass): string =>
  toleranceNames[engineToleranceOf(tolerance)];

/** "Anodised, clear (type II)" for the stored code "anodized-clear". */
export const finishLabel = (code: string): string => finishName(code);

/** The processes as a form offers them: the stored value and its name, in the catalogue's order. */
export const processOptions: readonly { value: ManufacturingProcess; label: string }[] =
  manufacturingProcesses.map((process) => ({ value: dbProcessOf(process), label: processNames[process] }));
