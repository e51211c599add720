import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze-file";
import { warmMeshMeasuring, warmUpMesh } from "./warm-mesh-measuring";

describe("warmMeshMeasuring", () => {
  it("measures a closed torus that needs no repair, so the warm-up runs the path of clean meshes", () => {
    const analysis = analyzeFile(warmUpMesh(), "warm-up.stl", { recognizeFeatures: false });
    if (!("report" in analysis)) throw new Error(analysis.error.message);
    const { report } = analysis;
    expect(report.file.format).toBe("stl");
    expect(report.bodies).toHaveLength(1);
    expect(report.bodies[0]!.closed).toBe(true);
    expect(report.bodies[0]!.triangleCount).toBe(960);
    expect(Object.values(report.repairs ?? {}).every((count) => count === 0)).toBe(true);
    // A faceted torus holds a little less than the smooth one, 2π²Rr² = 59,218 mm³.
    expect(report.volumeMm3).toBeGreaterThan(0.95 * 2 * Math.PI ** 2 * 30 * 100);
    expect(report.volumeMm3).toBeLessThan(2 * Math.PI ** 2 * 30 * 100);
    expect(() => warmMeshMeasuring()).not.toThrow();
  });

  it("leaves no step of the measuring path uncompiled for the first file measured with features", () => {
    // In a process of its own, as a worker starts: V8 says (--trace-deopt) which compiled functions it
    // throws away. A step whose warm-up never took a branch that a file with features takes (the split's
    // edge mates, fresh edge tables and rows) was thrown back to the interpreter by the first such file.
    const script = [
      'import { analyzeFile } from "./quoting-engine/analysis/analyze-file.ts";',
      'import { warmMeshMeasuring, warmUpMesh } from "./quoting-engine/analysis/warm-mesh-measuring.ts";',
      "warmMeshMeasuring();",
      'console.log("warmed");',
      'analyzeFile(warmUpMesh(48, 40), "part.stl", {});',
    ].join("\n");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--trace-deopt", "--input-type=module", "-e", script],
      { encoding: "utf8", maxBuffer: 1 << 26 },
    );
    expect(run.status, run.stderr).toBe(0);
    const afterWarmUp = run.stdout.slice(run.stdout.indexOf("warmed"));
    const thrownAway = [...afterWarmUp.matchAll(/deoptimizing \S+ <JSFunction (\w+)/g)].map(
      (match) => match[1],
    );
    expect(thrownAway.length).toBeGreaterThan(0); // the trace is read (the features steps have some)
    const measuringSteps = [
      "weldBinaryStlCorners",
      "halfEdgeRows",
      "buildMeshEdgeTable",
      "splitAndOrientBodies",
      "measureBody",
      "buildDisplayMesh",
      "closedMeshMates",
    ];
    expect(thrownAway.filter((name) => measuringSteps.includes(name!))).toEqual([]);
  });
});
