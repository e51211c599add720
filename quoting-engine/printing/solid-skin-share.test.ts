import { describe, expect, it } from "vitest";
import { solidSkinShare } from "./solid-skin-share";

describe("the solid infill a skin makes, by its slope", () => {
  it("makes none under a wall steeper than the perimeters' band allows (only perimeters there)", () => {
    // 45°: a run of 0.2 mm per 0.2 mm layer, inside the 1.22 mm band of three perimeters.
    expect(solidSkinShare(0.2, 1.22, 3)).toBe(0);
    expect(solidSkinShare(1.22, 1.22, 3)).toBe(0);
  });

  it("fills a flat skin whole, and grows a shallow slope's strip 3 mm into the infill", () => {
    expect(solidSkinShare(Infinity, 1.22, 3)).toBe(1);
    // 5°: a run of 2.29 mm per layer, 1.07 mm of it past the band, grown by 3 mm: 1.78 × its area.
    const run = 0.2 / Math.tan((5 * Math.PI) / 180);
    expect(solidSkinShare(run, 1.22, 3)).toBeCloseTo((run - 1.22 + 3) / run, 9);
  });
});
