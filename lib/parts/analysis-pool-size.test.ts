import { describe, expect, it } from "vitest";
import { analysisPoolSize } from "./analysis-pool-size";

const settings = { ANALYSIS_WORKERS: undefined, ANALYSIS_WORKER_MEMORY_MB: 1536 };

describe("the analysis pool's size", () => {
  it("is one worker per core (the workers yield to the web server by their CPU priority)", () => {
    expect(analysisPoolSize(settings, { cores: 2, memoryMb: 24_000 })).toBe(2);
    expect(analysisPoolSize(settings, { cores: 8, memoryMb: 64_000 })).toBe(8);
  });

  it("is at least one, on a single core or a small machine", () => {
    expect(analysisPoolSize(settings, { cores: 1, memoryMb: 24_000 })).toBe(1);
    expect(analysisPoolSize(settings, { cores: 8, memoryMb: 1_000 })).toBe(1);
  });

  it("fits half the machine's memory at each worker's heap limit", () => {
    // 16 GB: 8 GB for analysis, 5 workers of 1.5 GB, though 16 cores would allow more.
    expect(analysisPoolSize(settings, { cores: 16, memoryMb: 16_384 })).toBe(5);
    expect(
      analysisPoolSize({ ...settings, ANALYSIS_WORKER_MEMORY_MB: 512 }, { cores: 16, memoryMb: 16_384 }),
    ).toBe(16);
  });

  it("is ANALYSIS_WORKERS when set", () => {
    expect(analysisPoolSize({ ...settings, ANALYSIS_WORKERS: 3 }, { cores: 2, memoryMb: 4_000 })).toBe(3);
  });
});
