import { describe, expect, it } from "vitest";
import { applyPricingSnapshot } from "./apply-pricing-snapshot";

describe("prices from a settings version's snapshot", () => {
  const materials = [
    { code: "AL-6061-T6", name: "Aluminium", priceCentsPerKg: 900, active: true },
    { code: "PA12", name: "PA 12", priceCentsPerKg: 8000, active: true },
  ];
  const rates = [
    { process: "CNC_MILLING" as const, hourlyRateCents: 7500, setupMinutes: 45 },
    { process: "FDM" as const, hourlyRateCents: 1200, setupMinutes: 10 },
  ];

  it("lets the snapshot win over the tables, and keeps the table values of rows it does not name", () => {
    const result = applyPricingSnapshot(materials, rates, {
      materialPrices: { "AL-6061-T6": { priceCentsPerKg: 1100, active: false } },
      machineRates: { cnc_milling: { hourlyRateCents: 8000, setupMinutes: 30 } },
    });
    expect(result.materials).toEqual([
      { code: "AL-6061-T6", name: "Aluminium", priceCentsPerKg: 1100, active: false },
      materials[1],
    ]);
    expect(result.rates).toEqual([
      { process: "CNC_MILLING", hourlyRateCents: 8000, setupMinutes: 30 },
      rates[1],
    ]);
  });

  it("uses the tables for a version saved before snapshots existed", () => {
    expect(applyPricingSnapshot(materials, rates, {})).toEqual({ materials, rates });
  });
});
