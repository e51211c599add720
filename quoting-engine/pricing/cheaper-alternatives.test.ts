// The processes cheaper than a choice, compared with the choice's own material and price (decision 0122:
// on the part page the buyer's aluminium, not the recommendation's cheapest POM-C).
import { describe, expect, it } from "vitest";
import { cheaperAlternatives, type ComparedProcess } from "./cheaper-alternatives";

const quote = (
  process: ComparedProcess["process"],
  material: [string, string],
  unitCents: number,
  surchargeCents = 0,
): ComparedProcess => ({
  process,
  material: { code: material[0], name: material[1] },
  quantity: 2,
  buyer: { unitPriceCents: unitCents, totalPriceCents: unitCents * 2 },
  totalWithSurchargeCents: unitCents * 2 + surchargeCents,
});

// A comparison: every process in its cheapest material, sorted by what the buyer pays.
const comparison = [
  quote("fdm", ["FDM-PLA", "PLA filament"], 2_800, 3_400),
  quote("sls", ["PA12-SLS", "PA12 (SLS)"], 8_600),
  quote("cnc_milling", ["POM-C", "POM-C (acetal copolymer)"], 15_000),
];

describe("cheaper alternatives to a choice", () => {
  it("compares with the chosen material's price and names that material", () => {
    const aluminium = quote("cnc_milling", ["AL-6061-T6", "Aluminium 6061-T6"], 15_400);
    const alternatives = cheaperAlternatives(comparison, aluminium);
    expect(alternatives.map((item) => item.process)).toEqual(["fdm", "sls"]);
    // (2 × 154.00 − (2 × 28.00 + 34.00)) / 2 pieces = €109 per part, the surcharge in.
    expect(alternatives[0]).toEqual({
      process: "fdm",
      savesCentsPerPart: 10_900,
      changes:
        "in PLA filament instead of Aluminium 6061-T6; printed in 0.2 mm layers: visible layer lines, weaker across the layers",
    });
    expect(alternatives[1]!.savesCentsPerPart).toBe(6_800);
  });

  it("never lists the chosen process itself, though its cheapest material costs less", () => {
    const aluminium = quote("cnc_milling", ["AL-6061-T6", "Aluminium 6061-T6"], 15_400);
    expect(cheaperAlternatives(comparison, aluminium).some((item) => item.process === "cnc_milling")).toBe(
      false,
    );
  });

  it("says only the material when the cheaper process uses the chosen one", () => {
    const pa12 = quote("mjf", ["PA12-SLS", "PA12 (SLS)"], 9_000);
    expect(cheaperAlternatives(comparison, pa12)).toEqual([
      expect.objectContaining({ process: "fdm" }),
      expect.objectContaining({
        process: "sls",
        savesCentsPerPart: 400,
        changes: "in PA12 (SLS); sintered from nylon powder: grainy surface, about ±0.3 mm",
      }),
    ]);
  });

  it("lists nothing when the choice is the cheapest", () => {
    expect(cheaperAlternatives(comparison, comparison[0]!)).toEqual([]);
  });
});
