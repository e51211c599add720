import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { initCadKernel } from "../io/cad-kernel";
import { analyzeFile } from "./analyze-file";

const rays = vi.hoisted(() => ({ cast: 0 }));
vi.mock("./triangle-bvh-any-hit", async (importOriginal) => {
  const original = await importOriginal<typeof import("./triangle-bvh-any-hit")>();
  return {
    ...original,
    rayHitsAnyTriangle: (...args: Parameters<typeof original.rayHitsAnyTriangle>) => {
      rays.cast++;
      return original.rayHitsAnyTriangle(...args);
    },
  };
});

describe("setup planning", () => {
  beforeAll(() => initCadKernel(), 60_000);

  it("casts rays only along the directions the choice asks about: a plate machined from +Z alone", () => {
    const name = "synth_plate_4thru_1blind.step";
    rays.cast = 0;
    const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
    if (!("report" in result)) throw new Error(result.error.message);
    const { features } = result.report;
    expect(features.setups).toEqual([[0, 0, 1]]);
    expect(features.undercut).toBe(false);
    // The through holes also suggest -Z, and their walls do not face away from it: the full table of
    // faces × directions casts each hole's sample rays twice. +Z reaches every machined face, so one
    // direction's rays per face are all the answer needs.
    const trianglesPerFace = new Map<number, number>();
    for (const face of result.displayMesh.faceIds)
      trianglesPerFace.set(face, (trianglesPerFace.get(face) ?? 0) + 1);
    const oneDirection = features.faceFamilies
      .map((family, face) => (family === "stock" ? 0 : Math.min(16, trianglesPerFace.get(face) ?? 0)))
      .reduce((sum, count) => sum + count, 0);
    expect(oneDirection).toBeGreaterThan(0);
    expect(rays.cast).toBeGreaterThan(0);
    expect(rays.cast).toBeLessThanOrEqual(oneDirection);
  });
});
