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
});
