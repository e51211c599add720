import { describe, expect, it } from "vitest";
import { boxesStl } from "../../tests/fixtures/box-stl";
import {
  channelProfile,
  extrudedProfileStl,
  sawToothProfile,
} from "../../tests/fixtures/extruded-profile-stl";
import { defaultPricingData } from "../pricing/default-pricing-data";
import { quotePart } from "../pricing/quote-part";
import { analyzeFile, type AnalysisReport } from "./analyze-file";
import type { DisplayMesh } from "./analyze-model";
import { closedMeshMates } from "./closed-mesh-mates";
import { measureTriangles } from "./measure-triangles";
import { measureWallThickness } from "./measure-wall-thickness";
import { buildTriangleBvh } from "./triangle-bvh";
import { buildTriangleNeighbours } from "./triangle-neighbours";

function analyse(bytes: Uint8Array): { report: AnalysisReport; displayMesh: DisplayMesh } {
  const result = analyzeFile(bytes, "part.stl");
  if (!("report" in result)) throw new Error(result.error.message);
  return result;
}

const wallFindings = (report: AnalysisReport, process: string) =>
  report.dfm.filter((finding) => finding.code === "wall_too_thin" && finding.process === process);

function fdmQuote(report: AnalysisReport) {
  const material = defaultPricingData.materials.find((candidate) => candidate.processes.includes("fdm"))!;
  const finish = defaultPricingData.finishes.find((candidate) => candidate.processes.includes("fdm"))!;
  return quotePart(
    report,
    {
      process: "fdm",
      materialCode: material.code,
      finishCode: finish.code,
      tolerance: "medium",
      quantity: 1,
      today: "2026-12-07",
    },
    defaultPricingData,
  );
}

/** Thickness of the triangles lying in the channel's left side wall (its outside face at x = 0). */
function leftWallThickness(mesh: DisplayMesh): number[] {
  const values: number[] = [];
  for (let triangle = 0; triangle < mesh.indices.length / 3; triangle++) {
    const xs = [0, 1, 2].map(
      (corner) => mesh.positions[mesh.indices[triangle * 3 + corner]! * 3]! + mesh.originMm[0],
    );
    const zs = [0, 1, 2].map(
      (corner) => mesh.positions[mesh.indices[triangle * 3 + corner]! * 3 + 2]! + mesh.originMm[2],
    );
    if (xs.every((x) => Math.abs(x) < 1e-4) && Math.min(...zs) >= 0)
      values.push(mesh.wallThicknessMm![triangle]!);
  }
  return values;
}

describe("wall thickness as a map", () => {
  it.each([0.3, 0.8, 2])("measures the %s mm walls of a U channel on every wall triangle", (wallMm) => {
    const { report, displayMesh } = analyse(extrudedProfileStl(channelProfile(wallMm), 30));
    const left = leftWallThickness(displayMesh);
    expect(left.length).toBeGreaterThan(0);
    for (const value of left) expect(value).toBeCloseTo(wallMm, 3);
    expect(report.features.minWallMm).toBeCloseTo(wallMm, 3);
    expect(displayMesh.wallThicknessMm).toHaveLength(displayMesh.indices.length / 3);
    const fdm = report.features.wallThickness!.processes.find((entry) => entry.process === "fdm")!;
    if (wallMm < 0.8) {
      // The whole channel is thinner than FDM's hard minimum: one region, most of the surface.
      expect(fdm.shareBelow).toBeGreaterThan(0.9);
      expect(wallFindings(report, "fdm")).toEqual([
        expect.objectContaining({ severity: "error", measured: 0.3, allowed: 0.4 }),
      ]);
    } else {
      expect(fdm.areaBelowMm2).toBe(0);
      expect(wallFindings(report, "fdm")).toEqual([]);
      expect(wallFindings(report, "sls")).toEqual([]);
    }
    if (wallMm === 2) expect(report.dfm.filter((finding) => finding.code === "wall_too_thin")).toEqual([]);
  });

  it("does not count a 60° saw-tooth thread's teeth as thin walls", () => {
    const { report, displayMesh } = analyse(extrudedProfileStl(sawToothProfile(40, 0.5, 60, 6), 10));
    const additive = report.dfm.filter(
      (finding) => finding.code === "wall_too_thin" && finding.process !== "cnc_milling",
    );
    expect(additive).toEqual([]);
    for (const entry of report.features.wallThickness!.processes) expect(entry.areaBelowMm2).toBe(0);
    // The flanks near the crests are no wall at all (NaN).
    expect(report.features.wallThickness!.measuredShare).toBeLessThan(0.8);
    // Nothing thin anywhere: the least reading is a ray from a flank through the 6 mm core.
    expect(report.features.minWallMm).toBeGreaterThanOrEqual(3);
    expect(Array.from(displayMesh.wallThicknessMm!).some(Number.isNaN)).toBe(true);
    expect(fdmQuote(report)).toMatchObject({ ok: true, needsManualQuote: false });
  });

  it("warns about a 0.2 mm fin on a large block, states its area, marks it and prices the part", () => {
    const fin: [number, number][] = [
      [0, 0],
      [40, 0],
      [40, 40],
      [20.1, 40],
      [20.1, 50],
      [19.9, 50],
      [19.9, 40],
      [0, 40],
    ];
    const { report, displayMesh } = analyse(extrudedProfileStl(fin, 20));
    const [finding, ...others] = wallFindings(report, "fdm");
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: "warning", allowed: 0.8, unit: "mm" });
    expect(finding!.measured).toBeCloseTo(0.2, 3);
    expect(finding!.message).toMatch(/^400 mm² of the surface \(5\.\d %\) is thinner than 0\.8 mm/);
    // The finding marks its region: its faces and, per triangle, the map below its limit (the fin's sides).
    expect(finding!.faces.length).toBeGreaterThan(0);
    let markedMm2 = 0;
    const map = displayMesh.wallThicknessMm!;
    for (let triangle = 0; triangle < map.length; triangle++) {
      if (!(map[triangle]! < finding!.allowed)) continue;
      const corners = [0, 1, 2].map((corner) => displayMesh.indices[triangle * 3 + corner]! * 3);
      const xs = corners.map((vertex) => displayMesh.positions[vertex]! + displayMesh.originMm[0]);
      for (const x of xs) expect(x).toBeGreaterThan(19.8);
      for (const x of xs) expect(x).toBeLessThan(20.2);
      markedMm2 += 1;
    }
    expect(markedMm2).toBe(4); // two triangles on each side of the fin
    const quote = fdmQuote(report);
    expect(quote).toMatchObject({ ok: true, needsManualQuote: false });
  });

  it("cannot make a 0.3 mm sheet by FDM (a manual quote, not a price), but SLA can with a warning", () => {
    const { report } = analyse(boxesStl([{ min: [0, 0, 0], max: [40, 40, 0.3] }]));
    expect(wallFindings(report, "fdm")).toEqual([
      expect.objectContaining({
        severity: "error",
        measured: 0.3,
        allowed: 0.4,
        message: expect.stringContaining("1600 mm² (49.3 % of the surface)"),
      }),
    ]);
    expect(wallFindings(report, "sla")).toEqual([
      expect.objectContaining({ severity: "warning", allowed: 0.5 }),
    ]);
    expect(fdmQuote(report)).toMatchObject({ ok: true, needsManualQuote: true });
  });

  it("measures each body of an assembly on its own: 0.05 mm of overlap between two blocks is no wall", () => {
    // Two 20 mm blocks pressed 0.05 mm into each other (a bolt in its hole, parts that touch): a ray from
    // one block's face met the other's face 0.05 mm on and read a 0.05 mm wall (found on a real assembly).
    const { report, displayMesh } = analyse(
      boxesStl([
        { min: [0, 0, 0], max: [20, 20, 20] },
        { min: [-20, 0, 0], max: [0.05, 20, 20] },
      ]),
    );
    expect(report.bodies).toHaveLength(2);
    expect(report.features.minWallMm).toBeGreaterThan(19);
    expect(report.dfm.filter((finding) => finding.code === "wall_too_thin")).toEqual([]);
    const thinnest = Math.min(...Array.from(displayMesh.wallThicknessMm!).filter((value) => value > 0));
    expect(thinnest).toBeGreaterThan(19);
  });

  it("still measures a wall to a void inside the same body (the void's shell is that body's material)", () => {
    const { report } = analyse(
      boxesStl([
        { min: [0, 0, 0], max: [30, 30, 30] },
        { min: [0.3, 0.3, 0.3], max: [29.7, 29.7, 29.7], inward: true },
      ]),
    );
    expect(report.bodies.filter((body) => body.voidOf !== undefined)).toHaveLength(1);
    expect(wallFindings(report, "fdm")).toEqual([
      expect.objectContaining({ severity: "error", measured: 0.3, allowed: 0.4 }),
    ]);
  });

  it("reports a histogram of the surface by thickness that adds up to the measured area", () => {
    const { report } = analyse(extrudedProfileStl(channelProfile(0.8), 30));
    const walls = report.features.wallThickness!;
    const histogramMm2 = walls.histogram.reduce((sum, band) => sum + band.areaMm2, 0);
    expect(histogramMm2).toBeCloseTo(walls.surfaceMm2 * walls.measuredShare, 0);
    const band = walls.histogram.find((entry) => entry.fromMm === 0.8)!;
    expect(band.areaMm2).toBeGreaterThan(0.5 * walls.surfaceMm2);
    expect(walls.histogram.at(-1)!.toMm).toBeNull();
  });

  it("fills a large closed mesh's unsampled triangles the same from its edge mates as from its edge rows", () => {
    // A torus of 240 × 120 quads (57,600 triangles, its tube 4 to 12 mm thick along its ellipse): every
    // third triangle or so casts rays, the rest take a neighbour's value.
    const [around, across] = [240, 120];
    const points: number[] = [];
    for (let i = 0; i < around; i++)
      for (let j = 0; j < across; j++) {
        const [u, v] = [(2 * Math.PI * i) / around, (2 * Math.PI * j) / across];
        const radius = 30 + 6 * Math.cos(v);
        points.push(radius * Math.cos(u), radius * Math.sin(u), 2 * Math.sin(v));
      }
    const corners: number[] = [];
    const at = (i: number, j: number) => (i % around) * across + (j % across);
    for (let i = 0; i < around; i++)
      for (let j = 0; j < across; j++)
        corners.push(at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j), at(i + 1, j + 1), at(i, j + 1));
    const mesh = { positions: Float32Array.from(points), indices: Uint32Array.from(corners) } as DisplayMesh;
    const triangles = measureTriangles(mesh.positions, mesh.indices);
    triangles.edgeMates = closedMeshMates(mesh.indices, points.length / 3);
    expect(triangles.edgeMates).toBeDefined();
    const bvh = buildTriangleBvh(mesh.positions, mesh.indices, triangles.centroids);
    const fromMates = measureWallThickness(mesh, triangles, bvh);
    const fromRows = measureWallThickness(mesh, triangles, bvh, buildTriangleNeighbours(mesh.indices));
    expect(fromMates.sampledTriangles).toBeLessThan(mesh.indices.length / 3 / 2);
    expect(fromMates.neighbours.edgeMates).toBe(triangles.edgeMates);
    expect(fromMates.thicknessMm).toEqual(fromRows.thicknessMm);
    // Thin and thick walls both: a fill that copied one value everywhere would not pass.
    const values = new Set(fromMates.thicknessMm.map((value) => Math.round(value)));
    expect(values.size).toBeGreaterThan(3);
  });
});
