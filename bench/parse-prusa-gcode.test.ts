import { describe, expect, it } from "vitest";
import { parsePrusaGcode } from "./parse-prusa-gcode";

// The end of a PrusaSlicer 2.5.0 G-code (the extruder idler of bench:printing, lines trimmed).
const tail = [
  "; filament used [mm] = 1701.95",
  "; filament used [cm3] = 4.09",
  "; estimated printing time (normal mode) = 34m 35s",
  "; filament_diameter = 1.75",
].join("\n");

describe("parsePrusaGcode", () => {
  it("reads minutes and the filament volume from its length and diameter", () => {
    const summary = parsePrusaGcode(tail)!;
    expect(summary.minutes).toBeCloseTo(34 + 35 / 60, 6);
    expect(summary.filamentMm).toBe(1701.95);
    expect(summary.filamentMm3).toBeCloseTo(1701.95 * Math.PI * 0.875 ** 2, 3);
    expect(summary.filamentMm3 / 1000).toBeCloseTo(4.09, 2);
  });

  it("reads days and hours", () => {
    const summary = parsePrusaGcode(tail.replace("34m 35s", "1d 2h 3m 4s"))!;
    expect(summary.minutes).toBeCloseTo(24 * 60 + 2 * 60 + 3 + 4 / 60, 6);
  });

  it("is undefined without a time line", () => {
    expect(parsePrusaGcode(tail.replace(/^; estimated.*$/m, ""))).toBeUndefined();
  });
});
