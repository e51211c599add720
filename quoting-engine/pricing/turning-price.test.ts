// Turning at volume (decision 0117): a batch runs from a bar feeder with a sub-spindle, a lot is measured
// by sample, a turned surface is finished at cutting speed × feed, and a cross hole is priced once.
import { beforeAll, describe, expect, it } from "vitest";
import { initCadKernel } from "../io/cad-kernel";
import type { AnalysisReport } from "../analysis/analyze-file";
import { fixtureReport as reportOf } from "../../tests/fixtures/fixture-report";
import { defaultPricingData as data } from "./default-pricing-data";
import { quotePart, type PricedQuote, type QuoteResult } from "./quote-part";

const today = "2026-11-23";
let shaft: AnalysisReport;
let crossHoleShaft: AnalysisReport;

const pricedOf = (result: QuoteResult): PricedQuote => {
  if (!result.ok || result.needsManualQuote) throw new Error(JSON.stringify(result));
  return result;
};
const turned = (report: AnalysisReport, quantity: number) =>
  pricedOf(quotePart(report, { process: "cnc_turning", materialCode: "AL-6061-T6", quantity, today }, data));
const line = (quote: PricedQuote, start: string) =>
  quote.breakdown.find((candidate) => candidate.label.startsWith(start));

describe("turning at volume", () => {
  beforeAll(async () => {
    await initCadKernel();
    shaft = reportOf("synth_turned_stepped_shaft.step");
    crossHoleShaft = reportOf("constructed_shaft_flat_cross_hole.brep");
  }, 60_000);

  it("turns 1,000 stepped shafts from a bar feeder with a sub-spindle, one part by hand-chucked blanks", () => {
    expect(line(turned(shaft, 1000), "Bar feeding")).toBeDefined();
    expect(line(turned(shaft, 1000), "Loading and unloading")).toBeUndefined();
    expect(line(turned(shaft, 1), "Loading and unloading, 2 setups")).toBeDefined();
  });

  it("prices 1,000 ⌀30 × 90 mm aluminium shafts at market level: under €5 each, not €8.75", () => {
    const quote = turned(shaft, 1000);
    expect(quote.buyer.unitPriceCents).toBeLessThan(500);
    // The bar is still the bar: material stays what a ⌀35 × 100 mm piece of 6061 costs.
    expect(quote.breakdown[0]!.label).toBe("Aluminium 6061-T6, bar ⌀35 × 100 mm");
  });

  it("measures ISO 2859-1's sample of 80 of a lot of 1,000, every part of a lot of one", () => {
    const perPart = data.processes.cnc_turning.parameters.inspectionMinutesPerPart!;
    const firstArticle = data.processes.cnc_turning.parameters.firstArticleMinutes!;
    expect(line(turned(shaft, 1000), "Inspection")!.minutesPerPart).toBeCloseTo(
      perPart * 0.08 + firstArticle / 1000,
      2,
    );
    expect(line(turned(shaft, 1), "Inspection")!.minutesPerPart).toBeCloseTo(perPart + firstArticle, 2);
  });

  it("finishes a turned surface at cutting speed × feed, several times faster than a milled one", () => {
    const finishing = line(turned(shaft, 1), "Finishing")!.minutesPerPart!;
    const areaCm2 = shaft.areaMm2 / 100;
    expect(finishing).toBeCloseTo(areaCm2 / 250, 2);
  });

  it("drills the cross hole once and mills only the flat with the live tool", () => {
    const quote = turned(crossHoleShaft, 1);
    expect(line(quote, "Drilling 1 hole")).toBeDefined();
    expect(line(quote, "Live tooling on 1 face")).toBeDefined();
  });
});
