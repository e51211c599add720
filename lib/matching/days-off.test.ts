import { describe, expect, it } from "vitest";
import { daysOffBetween } from "./days-off";
import { holidayRegionOf } from "./public-holidays";

const christmasClosure = [
  { date: "2026-12-24", name: "Christmas Eve" },
  { date: "2026-12-28", name: "Between the years" },
];

describe("days a supplier does not produce on", () => {
  it("knows regions by code, by their own name and by their English name", () => {
    expect(holidayRegionOf("DE", "BW")).toBe("BW");
    expect(holidayRegionOf("DE", "Baden-Württemberg")).toBe("BW");
    expect(holidayRegionOf("DE", "baden-wurttemberg")).toBe("BW");
    expect(holidayRegionOf("DE", "Bavaria")).toBe("BY");
    expect(holidayRegionOf("DE", "Hamburg")).toBe("HH");
    expect(holidayRegionOf("DE", "Atlantis")).toBeNull();
    expect(holidayRegionOf("PL", null)).toBeNull();
  });

  it("counts each country's and region's own public holidays on weekdays, and the platform's closure days", () => {
    const days = (countryCode: string, region: string | null) =>
      daysOffBetween({ countryCode, region }, christmasClosure, "2026-12-21", "2027-01-08").map(
        (entry) => `${entry.day} ${entry.kind}`,
      );
    // Bavaria: Christmas (25th, a Friday; the 26th is a Saturday), New Year, Epiphany.
    expect(days("DE", "Bayern")).toEqual([
      "2026-12-24 closure",
      "2026-12-25 holiday",
      "2026-12-28 closure",
      "2027-01-01 holiday",
      "2027-01-06 holiday",
    ]);
    // Saxony has no Epiphany.
    expect(days("DE", "Sachsen")).not.toContain("2027-01-06 holiday");
    // Poland: Christmas Eve is a public holiday there since 2025, so it counts as the holiday.
    expect(days("PL", null)).toContain("2026-12-24 holiday");
    expect(days("IT", null)).toContain("2027-01-06 holiday");
    expect(days("NL", null)).toEqual([
      "2026-12-24 closure",
      "2026-12-25 holiday",
      "2026-12-28 closure",
      "2027-01-01 holiday",
    ]);
  });

  it("knows regional holidays outside Christmas: Corpus Christi in Baden-Württemberg, not in Berlin", () => {
    const corpusChristi = "2026-06-04";
    const has = (region: string) =>
      daysOffBetween({ countryCode: "DE", region }, [], corpusChristi, corpusChristi).length === 1;
    expect(has("Baden-Württemberg")).toBe(true);
    expect(has("Berlin")).toBe(false);
  });
});
