import { describe, expect, it } from "vitest";
import { syntheticReport } from "../../tests/fixtures/synthetic-report";
import { partPageSummary } from "./part-page-summary";

describe("what the part page says of an analysis", () => {
  it("names a modelled thread's outer diameter among the features, and nothing without one", () => {
    const report = syntheticReport({ sizeMm: [10, 10, 12], volumeMm3: 330, areaMm2: 466, setups: 2 });
    expect(partPageSummary(report).features).not.toHaveProperty("threadMajorDiameterMm");
    const threaded = {
      ...report,
      features: {
        ...report.features,
        thread: { majorDiameterMm: 6, minorDiameterMm: 4.92, faces: [8, 9, 12] },
      },
    };
    expect(partPageSummary(threaded).features.threadMajorDiameterMm).toBe(6);
  });

  it("says a shaft with flats or cross holes is turned with milled features, not just its setups", () => {
    // Found in walk7: a ⌀5 pin with a slot was priced as CNC turning, but the facts said "2 setups" only.
    const report = syntheticReport({ sizeMm: [5, 5, 24], volumeMm3: 209, areaMm2: 290, setups: 2 });
    expect(partPageSummary(report).features.turning).toBeNull();
    const pin = { ...report, features: { ...report.features, turnable: false, liveToolingFaces: [9, 11] } };
    expect(partPageSummary(pin).features.turning).toBe(
      "turnable, 2 faces milled on the lathe (live tooling)",
    );
    const bush = { ...report, features: { ...report.features, turnable: true, liveToolingFaces: [] } };
    expect(partPageSummary(bush).features.turning).toBe("turnable");
  });
});
