import { describe, expect, it } from "vitest";
import { defaultPricingData } from "../pricing/default-pricing-data";
import { quotePart } from "../pricing/quote-part";
import { readDxfPart } from "./read-dxf-part";

// A 200 × 100 mm plate (closed polyline, $INSUNITS 4 = mm) with a ⌀20 hole.
const plate = [
  "0",
  "SECTION",
  "2",
  "HEADER",
  "9",
  "$INSUNITS",
  "70",
  "4",
  "0",
  "ENDSEC",
  "0",
  "SECTION",
  "2",
  "ENTITIES",
  "0",
  "LWPOLYLINE",
  "8",
  "0",
  "90",
  "4",
  "70",
  "1",
  "10",
  "0",
  "20",
  "0",
  "10",
  "200",
  "20",
  "0",
  "10",
  "200",
  "20",
  "100",
  "10",
  "0",
  "20",
  "100",
  "0",
  "CIRCLE",
  "8",
  "0",
  "10",
  "50",
  "20",
  "50",
  "30",
  "0",
  "40",
  "10",
  "0",
  "ENDSEC",
  "0",
  "EOF",
].join("\n");
const bytes = new TextEncoder().encode(plate);

describe("a DXF flat part priced as laser cutting", () => {
  it("needs a thickness, and prices the plate at it: thicker costs more", () => {
    expect(readDxfPart(bytes, "plate.dxf", undefined)).toMatchObject({ ok: false, code: "usage" });
    const thin = readDxfPart(bytes, "plate.dxf", "2");
    const thick = readDxfPart(bytes, "plate.dxf", "3");
    if (!thin.ok || !thick.ok) throw new Error("not read");
    expect(thin.report.file.format).toBe("dxf");
    expect(thin.report.volumeMm3).toBeCloseTo((20000 - 100 * Math.PI) * 2, -1);
    const options = {
      process: "laser_cutting" as const,
      materialCode: "S235JR",
      quantity: 10,
      today: "2026-11-23",
    };
    const thinQuote = quotePart(thin.report, options, defaultPricingData);
    const thickQuote = quotePart(thick.report, options, defaultPricingData);
    if (!thinQuote.ok || thinQuote.needsManualQuote || !thickQuote.ok || thickQuote.needsManualQuote)
      throw new Error("not priced");
    expect(thickQuote.buyer.unitPriceCents).toBeGreaterThan(thinQuote.buyer.unitPriceCents);
    expect(thinQuote.breakdown.some((line) => line.label.includes("2 pierces"))).toBe(true);
    // Flat: no press brake.
    const bent = quotePart(thin.report, { ...options, process: "sheet_metal" }, defaultPricingData);
    expect(bent.ok && bent.needsManualQuote && bent.cannotMake).toEqual([
      "A DXF drawing is a flat outline: it is priced as laser cutting. Upload a 3D model (STEP) for other processes.",
    ]);
  });
});
