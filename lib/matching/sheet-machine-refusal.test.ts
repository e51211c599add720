import { describe, expect, it } from "vitest";
import {
  bendingForceTonnes,
  sheetMachineRefusal,
  type SheetMachineCapability,
  type SheetLineNeeds,
} from "./sheet-machine-refusal";

const laser: SheetMachineCapability = {
  kind: "LASER",
  name: "TruLaser 3030 fiber",
  sheetMm: [3000, 1500],
  maxThicknessMm: { steel: 20, stainless: 12, aluminium: 10 },
  bendLengthMm: null,
  tonnage: null,
};
const brake: SheetMachineCapability = {
  kind: "PRESS_BRAKE",
  name: "TruBend 5130",
  sheetMm: null,
  maxThicknessMm: {},
  bendLengthMm: 3000,
  tonnage: 130,
};
const bracket: SheetLineNeeds = {
  blankMm: [138.5, 100],
  thicknessMm: 2,
  group: "steel",
  bends: 1,
  longestBendMm: 100,
  tensileStrengthMpa: 410,
};

describe("the matcher's sheet-machine rule", () => {
  it("computes the air-bending force: 2 mm steel, 1 m, V16 about 14 t", () => {
    // 1.33 × 410 × 4 × 1000 / 16 / 9810 = 13.9 t (press-brake tables: 2 mm mild steel, V16 ≈ 13–17 t/m).
    expect(bendingForceTonnes(2, 1000, 410)).toBeCloseTo(13.9, 1);
  });
  it("takes a partner with a laser and a press brake that can make the bracket", () => {
    expect(sheetMachineRefusal(bracket, [laser, brake])).toBeNull();
    expect(sheetMachineRefusal({ ...bracket, bends: 0 }, [laser])).toBeNull();
  });
  it("refuses without a laser, a sheet too small, a thickness beyond the laser, or without a press brake", () => {
    expect(sheetMachineRefusal(bracket, [brake])).toBe("has no laser on file");
    expect(
      sheetMachineRefusal({ ...bracket, blankMm: [2600, 1400] }, [
        { ...laser, sheetMm: [2500, 1250] },
        brake,
      ]),
    ).toBe("none of its lasers cuts a 2600 × 1400 mm blank of 2 mm steel");
    expect(sheetMachineRefusal({ ...bracket, group: "aluminium", thicknessMm: 12 }, [laser, brake])).toMatch(
      /none of its lasers/,
    );
    expect(sheetMachineRefusal(bracket, [laser])).toBe("has no press brake on file");
  });
  it("refuses a press brake too short or too weak for the longest bend", () => {
    expect(sheetMachineRefusal({ ...bracket, longestBendMm: 3100 }, [laser, brake])).toMatch(
      /none of its press brakes bends 3100 mm/,
    );
    // 10 mm steel over 2 m: 1.33 × 410 × 100 × 2000 / 80 / 9810 ≈ 139 t > 130 t.
    expect(sheetMachineRefusal({ ...bracket, thicknessMm: 10, longestBendMm: 2000 }, [laser, brake])).toMatch(
      /\(139 t\)$/,
    );
  });
});
