import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitGrossCents } from "./split-gross-cents";

describe("splitGrossCents", () => {
  it.each([
    // gross, order total, order VAT, already split, expected net, expected VAT
    [11900, 11900, 1900, 0, 10000, 1900],
    [5950, 11900, 1900, 0, 5000, 950],
    [1, 11900, 1900, 0, 1, 0],
    [100, 100, 0, 0, 100, 0],
    [3333, 10000, 1597, 3333, 2800, 533],
  ])(
    "splits %i of %i (VAT %i, %i split before) into %i net and %i VAT",
    (gross, total, vat, before, net, vatPart) => {
      expect(splitGrossCents(gross, { totalCents: total, vatCents: vat }, before)).toEqual({
        netCents: net,
        vatCents: vatPart,
      });
    },
  );

  it("gives back exactly the order's VAT however the total is refunded in pieces", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 25 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (netTotal, vatPercent, weights) => {
          const vat = Math.round((netTotal * vatPercent) / 100);
          const order = { totalCents: netTotal + vat, vatCents: vat };
          const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
          let split = 0;
          let vatBack = 0;
          weights.forEach((weight, index) => {
            const piece =
              index === weights.length - 1
                ? order.totalCents - split
                : Math.floor((order.totalCents * weight) / weightSum);
            const parts = splitGrossCents(piece, order, split);
            expect(parts.netCents + parts.vatCents).toBe(piece);
            split += piece;
            vatBack += parts.vatCents;
          });
          expect(vatBack).toBe(vat);
        },
      ),
    );
  });

  it("refuses to split more than the order's total", () => {
    expect(() => splitGrossCents(200, { totalCents: 1000, vatCents: 160 }, 900)).toThrow(
      /more out of a total/,
    );
  });
});
