import type { StoredSheetMachine } from "../matching/sheet-machine-capability-of";

const mm = (value: number | null) => (value === null ? "—" : `${value} mm`);

/** What a laser or press brake can do, in one line for the partner's profile and the operations audit. */
export function sheetMachineCapability(machine: Omit<StoredSheetMachine, "name">): string {
  return machine.kind === "LASER"
    ? `Sheet ${machine.sheetXMm} × ${machine.sheetYMm} mm; steel to ${mm(machine.maxSteelMm)}, stainless to ${mm(machine.maxStainlessMm)}, aluminium to ${mm(machine.maxAluminiumMm)}`
    : `Bends up to ${machine.bendLengthMm} mm at ${machine.tonnage} t`;
}
