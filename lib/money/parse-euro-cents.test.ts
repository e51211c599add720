import { describe, expect, it } from "vitest";
import { parseEuroCents } from "./parse-euro-cents";

describe("an amount in euros as typed", () => {
  it.each([
    ["1500", 150_000],
    ["1500.5", 150_050],
    ["1500,50", 150_050],
    ["0,99", 99],
    ["12.5", 1_250],
    // A group of three after the only separator is thousands: euros have no third decimal.
    ["1.215", 121_500],
    ["1,215", 121_500],
    ["1.215,50", 121_550],
    ["1,215.50", 121_550],
    ["1.234.567,89", 123_456_789],
    ["1 215,50", 121_550],
    ["1\u00a0215,50", 121_550],
    ["1'215.50", 121_550],
    ["€ 250", 25_000],
    ["250 €", 25_000],
    ["€1,500.00", 150_000],
  ])("reads %j as %i cents", (typed, cents) => {
    expect(parseEuroCents(typed)).toBe(cents);
  });

  it.each(["", "abc", "-5", "1.2345", "1,500,50", "1.215.50", "1.5.0", "12,5.0", "1..5", ".5", "5.", "1e3"])(
    "refuses %j",
    (typed) => {
      expect(parseEuroCents(typed)).toBeNull();
    },
  );
});
