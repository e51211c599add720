import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile, type AnalysisReport } from "../analysis/analyze-file";
import { initCadKernel } from "../io/cad-kernel";
import { deliveryCalendar } from "./delivery-calendar";
import { defaultPricingData as data } from "./default-pricing-data";
import { quotePart, type PricedQuote, type QuoteOptions } from "./quote-part";
import { isWorkingDay } from "./working-days";

const today = "2026-12-18"; // a Friday before Christmas: the calendar must skip the holidays
let plate: AnalysisReport;

describe("the delivery calendar", () => {
  beforeAll(async () => {
    await initCadKernel();
    const name = "synth_plate_4thru_1blind.step";
    const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
    if (!("report" in result)) throw new Error(result.error.message);
    plate = result.report;
  }, 60_000);

  it("lists working days only, each at the price quotePart gives for that date, never dearer later", () => {
    const options: QuoteOptions = { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 5, today };
    const quote = quotePart(plate, options, data) as PricedQuote;
    const days = deliveryCalendar(quote.delivery.options, today);
    expect(days[0]!.date).toBe(quote.delivery.earliestDate);
    expect(days.length).toBeGreaterThan(10);
    for (const day of days) {
      expect(isWorkingDay(day.date)).toBe(true);
      expect(day.date).not.toMatch(/-12-2[56]$/);
      const atDate = quotePart(plate, { ...options, deliveryDate: day.date }, data) as PricedQuote;
      expect(atDate.buyer.unitPriceCents).toBe(day.buyerUnitPriceCents);
      expect(atDate.delivery.tier).toBe(day.tier);
    }
    for (let index = 1; index < days.length; index++)
      expect(days[index]!.buyerUnitPriceCents).toBeLessThanOrEqual(days[index - 1]!.buyerUnitPriceCents);
    expect(days.at(-1)!.buyerUnitPriceCents).toBeLessThan(days[0]!.buyerUnitPriceCents);
  });

  it("is empty without delivery options", () => {
    expect(deliveryCalendar([], today)).toEqual([]);
  });
});
