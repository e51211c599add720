import type { SheetMaterialGroup } from "../../quoting-engine/pricing/sheet-metal/sheet-metal-pricing-data";

/** What a sheet-metal line asks of a partner's machines (from the part's flat pattern and material). */
export interface SheetLineNeeds {
  /** The unfolded blank's rectangle, mm. */
  blankMm: [number, number];
  thicknessMm: number;
  group: SheetMaterialGroup;
  /** Bends (0 for a laser-cut part) and the longest bend line, mm. */
  bends: number;
  longestBendMm: number;
  /** Minimum tensile strength of the material, MPa (pricing settings), for the bending force. */
  tensileStrengthMpa: number;
}

/** A partner's laser or press brake as the matcher reads it (the SheetMetalMachine table). */
export interface SheetMachineCapability {
  kind: "LASER" | "PRESS_BRAKE";
  name: string;
  sheetMm: [number, number] | null;
  maxThicknessMm: Partial<Record<SheetMaterialGroup, number>>;
  bendLengthMm: number | null;
  tonnage: number | null;
}

/**
 * Air-bending force in tonnes for a bend of `lengthMm` in sheet of `thicknessMm`, on a V-die of eight
 * thicknesses (the usual die for r ≈ t): F = 1.33 · Rm · t² · L / V (the press-brake makers' rule,
 * e.g. Trumpf's and LVD's bending-force tables), in newtons, ÷ 9 810 for tonnes.
 */
export function bendingForceTonnes(
  thicknessMm: number,
  lengthMm: number,
  tensileStrengthMpa: number,
): number {
  const dieOpeningMm = 8 * thicknessMm;
  return (1.33 * tensileStrengthMpa * thicknessMm ** 2 * lengthMm) / dieOpeningMm / 9810;
}

const mm = (value: number) => String(Math.round(value * 10) / 10);

/**
 * Why the partner's machines cannot make the sheet part, in words for operations, or null when they can:
 * a laser whose sheet holds the blank (either way round) and that cuts the thickness in the material's
 * group; for a bent part also a press brake long enough for the longest bend with the force it needs.
 */
export function sheetMachineRefusal(
  needs: SheetLineNeeds,
  machines: readonly SheetMachineCapability[],
): string | null {
  const lasers = machines.filter((machine) => machine.kind === "LASER");
  if (lasers.length === 0) return "has no laser on file";
  const [w, h] = needs.blankMm;
  const cuts = lasers.some((laser) => {
    const sheet = laser.sheetMm;
    const fits = sheet !== null && ((w <= sheet[0] && h <= sheet[1]) || (w <= sheet[1] && h <= sheet[0]));
    return fits && (laser.maxThicknessMm[needs.group] ?? 0) >= needs.thicknessMm - 1e-6;
  });
  if (!cuts)
    return `none of its lasers cuts a ${mm(w)} × ${mm(h)} mm blank of ${mm(needs.thicknessMm)} mm ${needs.group}`;
  if (needs.bends === 0) return null;
  const brakes = machines.filter((machine) => machine.kind === "PRESS_BRAKE");
  if (brakes.length === 0) return "has no press brake on file";
  const force = bendingForceTonnes(needs.thicknessMm, needs.longestBendMm, needs.tensileStrengthMpa);
  const bends = brakes.some(
    (brake) => (brake.bendLengthMm ?? 0) >= needs.longestBendMm - 1e-6 && (brake.tonnage ?? 0) >= force,
  );
  return bends
    ? null
    : `none of its press brakes bends ${mm(needs.longestBendMm)} mm of ${mm(needs.thicknessMm)} mm ${needs.group} (${mm(force)} t)`;
}
