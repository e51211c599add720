import { describe, expect, it } from "vitest";
import type { SheetMetalOk } from "../../quoting-engine/analysis/sheet-metal/sheet-metal-types";
import { defaultPricingData } from "../../quoting-engine/pricing/default-pricing-data";
import { sheetLineNeeds, sheetLineNeedsOfParts } from "./sheet-line-needs";

/** A flat (or bent) 3 mm blank of the given size; bends of the given lengths. */
function sheet(widthMm: number, heightMm: number, bendLengthsMm: number[] = []): SheetMetalOk {
  return {
    ok: true,
    thicknessMm: 3,
    kFactor: 0.44,
    bends: bendLengthsMm.map((lengthMm) => ({ angleDeg: 90, innerRadiusMm: 3, lengthMm, faces: [] })),
    flatPattern: {
      widthMm,
      heightMm,
      areaMm2: widthMm * heightMm,
      cutLengthMm: 2 * (widthMm + heightMm),
      pierces: 1,
      outline: { outer: [], holes: [] },
      bendLines: [],
    },
  };
}

describe("what a file of several sheet parts asks of a partner's laser and press brake", () => {
  it("asks for the longest blank side, the longest short side, and the most bent part's bends", () => {
    const line = { bent: true, materialCode: "S235JR" };
    const needs = sheetLineNeedsOfParts(
      [sheet(300, 50, [50]), sheet(110, 120, [120, 110, 40])],
      line,
      defaultPricingData,
    );
    expect(needs).toMatchObject({ blankMm: [300, 110], thicknessMm: 3, bends: 3, longestBendMm: 120 });
    // One part asks what it asked alone.
    const alone = sheet(300, 50, [50]);
    expect(sheetLineNeedsOfParts([alone], line, defaultPricingData)).toEqual(
      sheetLineNeeds(alone, line, defaultPricingData),
    );
  });
});
