import { describe, expect, it } from "vitest";
import { describeJob, shipToLines } from "./format-job";

// Found walking issue 21's partner portal: offers and jobs read "CNC milling · AL-6061-T6" and the job's
// delivery address ended in "DE". People read names, never codes.
describe("the partner portal's job facts", () => {
  it("names the material, not its catalogue code", () => {
    const line = {
      process: "CNC_MILLING" as const,
      materialCode: "AL-6061-T6",
      quote: { material: { name: "Aluminium 6061-T6" } },
      toleranceClass: "ISO2768_MEDIUM" as const,
    };
    const text = describeJob(line);
    expect(text).toBe("CNC milling · Aluminium 6061-T6 · ISO 2768-m (medium)");
    expect(text).not.toContain("AL-6061-T6");
  });

  it("names the delivery country, not its ISO code", () => {
    expect(
      shipToLines({
        company: "Acme Robotics GmbH",
        name: "Goods in",
        line: "Industriestraße 7",
        postalCode: "80331",
        city: "München",
        countryCode: "DE",
      }),
    ).toEqual(["Acme Robotics GmbH", "Goods in", "Industriestraße 7", "80331 München", "Germany"]);
  });
});
