// Properties every price must have, over many random parts and options (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sheetReport } from "../../tests/fixtures/sheet-metal-report";
import { syntheticReport } from "../../tests/fixtures/synthetic-report";
import { manufacturingProcesses, type ManufacturingProcess } from "../catalogue/catalogue";
import { defaultPricingData as data } from "./default-pricing-data";
import { quotePart, type PricedQuote, type QuoteOptions } from "./quote-part";

const today = "2026-11-23";

/** A plausible part: a box-like body with some of its volume removed, holes, setups, overhangs. */
const parts = fc
  .record({
    x: fc.double({ min: 5, max: 300, noNaN: true }),
    y: fc.double({ min: 5, max: 200, noNaN: true }),
    z: fc.double({ min: 2, max: 150, noNaN: true }),
    fill: fc.double({ min: 0.2, max: 1, noNaN: true }),
    holes: fc.integer({ min: 0, max: 12 }),
    setups: fc.integer({ min: 1, max: 4 }),
    overhangShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
    turned: fc.boolean(),
  })
  .map(({ x, y, z, fill, holes, setups, overhangShare, turned }) => {
    const area = 2 * (x * y + y * z + x * z) * (1 + (1 - fill));
    return syntheticReport({
      sizeMm: [x, y, z],
      volumeMm3: x * y * z * fill * (turned ? Math.PI / 4 : 1),
      areaMm2: area,
      holes: Array.from({ length: holes }, () => ({
        diameterMm: 6,
        depthMm: Math.min(z, 20),
        through: false,
      })),
      setups,
      overhangMm2: area * overhangShare,
      ...(turned ? { turnedDiameterMm: Math.min(x, y) } : {}),
    });
  });

const processes = fc.constantFrom(...manufacturingProcesses);
const materialFor = (process: ManufacturingProcess, pick: number) => {
  const codes = data.materials.filter((material) => material.processes.includes(process)).map((m) => m.code);
  return codes[pick % codes.length]!;
};

/**
 * The sheet processes price the report's sheet-metal block: the box's footprint as the blank, a
 * thickness from its height within every sheet material's range (2–3 mm), one bend for sheet metal, none for the laser.
 */
function forProcess(report: ReturnType<typeof syntheticReport>, process: ManufacturingProcess) {
  if (process !== "sheet_metal" && process !== "laser_cutting") return report;
  const [x, y, z] = report.bbox.max;
  const thicknessMm = Math.min(3, Math.max(2, z! / 20));
  const { sheetMetal } = sheetReport({
    thicknessMm,
    blankMm: [x!, y!],
    bendRadiiMm: process === "sheet_metal" ? [2] : [],
    holesMm: report.features.holes.map(() => 6),
  });
  // A laser part lies flat: its box is the blank and the sheet's thickness.
  const bbox = process === "laser_cutting" ? { min: report.bbox.min, max: [x!, y!, thicknessMm] as [number, number, number] } : report.bbox;
  return { ...report, bbox, sheetMetal };
}

function priced(report: ReturnType<typeof syntheticReport>, options: QuoteOptions): PricedQuote {
  const result = quotePart(forProcess(report, options.process), options, data);
  if (!result.ok || result.needsManualQuote) throw new Error(JSON.stringify(result));
  return result;
}

describe("price properties", () => {
  it("the unit price never rises with quantity", () => {
    fc.assert(
      fc.property(
        parts,
        processes,
        fc.nat(),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        (report, process, pick, a, b) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const options = { process, materialCode: materialFor(process, pick), today };
          const first = priced(report, { ...options, quantity: small });
          const second = priced(report, { ...options, quantity: large });
          expect(second.buyer.unitPriceCents).toBeLessThanOrEqual(first.buyer.unitPriceCents);
          expect(second.supplier.unitPriceCents).toBeLessThanOrEqual(first.supplier.unitPriceCents);
          const breaks = first.priceBreaks.map((entry) => entry.buyerUnitPriceCents);
          for (let index = 1; index < breaks.length; index++)
            expect(breaks[index]!).toBeLessThanOrEqual(breaks[index - 1]!);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a tighter tolerance never costs less", () => {
    fc.assert(
      fc.property(
        parts,
        processes,
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        (report, process, pick, quantity) => {
          const options = { process, materialCode: materialFor(process, pick), quantity, today };
          const [coarse, medium, fine] = (["coarse", "medium", "fine"] as const).map(
            (tolerance) => priced(report, { ...options, tolerance }).buyer.unitPriceCents,
          );
          expect(medium).toBeGreaterThanOrEqual(coarse!);
          expect(fine).toBeGreaterThanOrEqual(medium!);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("stainless steel never costs less than aluminium for the same milled part", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 1, max: 1000 }), (report, quantity) => {
        const options = { process: "cnc_milling" as const, quantity, today };
        const aluminium = priced(report, { ...options, materialCode: "AL-6061-T6" });
        const stainless = priced(report, { ...options, materialCode: "SS-316L" });
        expect(stainless.buyer.unitPriceCents).toBeGreaterThanOrEqual(aluminium.buyer.unitPriceCents);
      }),
      { numRuns: 200 },
    );
  });

  it("an earlier delivery date never costs less", () => {
    fc.assert(
      fc.property(
        parts,
        processes,
        fc.nat(),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (report, process, pick, quantity, a, b) => {
          const options = { process, materialCode: materialFor(process, pick), quantity, today };
          const earliest = priced(report, options).delivery.earliestDate;
          const date = (days: number) =>
            new Date(Date.parse(`${earliest}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
          const [sooner, later] = a <= b ? [date(a), date(b)] : [date(b), date(a)];
          const first = priced(report, { ...options, deliveryDate: sooner });
          const second = priced(report, { ...options, deliveryDate: later });
          expect(first.buyer.unitPriceCents).toBeGreaterThanOrEqual(second.buyer.unitPriceCents);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("every price is a positive whole number of cents, its breakdown adds up, and it is deterministic", () => {
    fc.assert(
      fc.property(
        parts,
        processes,
        fc.nat(),
        fc.integer({ min: 1, max: 5000 }),
        (report, process, pick, quantity) => {
          const options = { process, materialCode: materialFor(process, pick), quantity, today };
          const quote = priced(report, options);
          for (const amount of [quote.buyer.unitPriceCents, quote.supplier.unitPriceCents]) {
            expect(Number.isInteger(amount)).toBe(true);
            expect(amount).toBeGreaterThan(0);
          }
          expect(quote.buyer.unitPriceCents).toBeGreaterThanOrEqual(quote.supplier.unitPriceCents);
          expect(quote.buyer.totalPriceCents).toBe(quote.buyer.unitPriceCents * quantity);
          expect(quote.breakdown.reduce((sum, line) => sum + line.centsPerPart, 0)).toBe(
            quote.buyer.unitPriceCents,
          );
          expect(priced(report, options)).toEqual(quote);
        },
      ),
      { numRuns: 300 },
    );
  });
});
