import { describe, expect, it } from "vitest";
import { defaultMatchingSettings } from "./matching-settings";
import { rankCandidates, type LineToMatch, type SupplierCandidate } from "./rank-candidates";
import { emptyTrackRecord } from "./score-candidate";
import { skipReasonLabel } from "./skip-reason-labels";
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

describe("the matcher with a sheet line", () => {
  const candidate = (companyId: string, sheetMachines: SheetMachineCapability[]): SupplierCandidate => ({
    companyId,
    name: companyId,
    status: "ACTIVE",
    countryCode: "DE",
    location: null,
    costIndex: 1,
    minOrderValueCents: null,
    maxOrderValueCents: null,
    offersMaterial: true,
    machineEnvelopesMm: [],
    certificates: [],
    audit: { status: "APPROVED", expiresAt: null },
    machineHoursPerWeek: 40,
    reservedHoursByWeek: new Map(),
    blockedDays: new Set(),
    track: emptyTrackRecord,
    previousOffer: null,
    sheetMachines,
  });
  const sheetLine: LineToMatch = {
    materialCode: "DC01",
    partSizeMm: [],
    estimatedMachineHours: 2,
    deliveryDate: "2026-11-27",
    supplierTotalCents: 10_000,
    totalPriceCents: 13_000,
    requiredCertificates: [],
    requiredCountryCode: null,
    buyerLocation: null,
    sheet: bracket,
  };

  it("ranks the partner with a laser and a press brake and skips the one with a laser only, saying why", () => {
    const ranking = rankCandidates(
      sheetLine,
      [candidate("laser-only", [laser]), candidate("both", [laser, brake])],
      defaultMatchingSettings,
      "2026-11-02",
    );
    expect(ranking.ranked.map((entry) => entry.companyId)).toEqual(["both"]);
    expect(ranking.skipped).toEqual([
      {
        companyId: "laser-only",
        name: "laser-only",
        rule: "sheet-machines",
        reason: "has no press brake on file",
      },
    ]);
    expect(skipReasonLabel("sheet-machines")).toBe("Its lasers or press brakes cannot make the sheet part");
  });
});
