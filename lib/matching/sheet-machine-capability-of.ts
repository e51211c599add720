import type { SheetMetalMachine } from "../db/generated/client";
import type { SheetMachineCapability } from "./sheet-machine-refusal";

/** The columns of a stored laser or press brake that the rule and the profile read. */
export type StoredSheetMachine = Pick<
  SheetMetalMachine,
  | "kind"
  | "name"
  | "sheetXMm"
  | "sheetYMm"
  | "maxSteelMm"
  | "maxStainlessMm"
  | "maxAluminiumMm"
  | "bendLengthMm"
  | "tonnage"
>;

/**
 * A stored laser or press brake (the SheetMetalMachine table) as the sheet-machine rule reads it: the
 * sheet size only when both edges are known, and a thickness limit only for the material groups it names.
 */
export function sheetMachineCapabilityOf(machine: StoredSheetMachine): SheetMachineCapability {
  return {
    kind: machine.kind,
    name: machine.name,
    sheetMm:
      machine.sheetXMm !== null && machine.sheetYMm !== null ? [machine.sheetXMm, machine.sheetYMm] : null,
    maxThicknessMm: {
      ...(machine.maxSteelMm !== null ? { steel: machine.maxSteelMm } : {}),
      ...(machine.maxStainlessMm !== null ? { stainless: machine.maxStainlessMm } : {}),
      ...(machine.maxAluminiumMm !== null ? { aluminium: machine.maxAluminiumMm } : {}),
    },
    bendLengthMm: machine.bendLengthMm,
    tonnage: machine.tonnage,
  };
}
