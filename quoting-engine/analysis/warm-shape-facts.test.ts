import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { measureTriangles } from "./measure-triangles";
import { smallShapeMesh } from "./small-shape-mesh";
import { warmShapeFacts } from "./warm-shape-facts";

/** Four analyses with features of one 140,000-triangle part in a process of its own; "second" before the second. */
const fourPartsScript = [
  'import { analyzeFile } from "./quoting-engine/analysis/analyze-file.ts";',
  'import { warmMeshMeasuring, warmUpMesh } from "./quoting-engine/analysis/warm-mesh-measuring.ts";',
  "warmMeshMeasuring();",
  // Over the wall rays' sample (25,000 triangles) and the every-second-layer slicing (100,000).
  "const part = warmUpMesh(350, 200);",
  "for (let run = 0; run < 4; run++) {",
  '  if (run === 1) console.log("second");',
  '  analyzeFile(part, "part.stl", {});',
  "  globalThis.gc();",
  "}",
].join("\n");

/** The shape facts' long loops: compiled while they run on a worker's first large part. */
const warmedStages = [
  "mortonOrder",
  "cornersInOrder",
  "measureWallThickness",
  "fillWallThicknessAcrossMates",
  "ascendingOnDemand",
  "sortKeys",
  "firstPass",
  "sliceAndJoin",
  "sumContours",
  "addStepSkinGrowth",
  "rotatePositions",
];

describe("warmShapeFacts", () => {
  it(
    "gives the shape facts' loops their type feedback before a worker's first part",
    // Compiler timing on a busy machine (see measure-shape-facts.test.ts): a fresh process is tried again.
    { retry: 2, timeout: 120_000 },
    () => {
      // V8 says (--trace-deopt) which compiled functions it throws away and why. Without the warm-up, a
      // loop compiled while it ran on the first part lacked feedback at its function's entry or after
      // the loop and was thrown away at the next parts ("insufficient type feedback"), every stage.
      const run = spawnSync(
        process.execPath,
        ["--expose-gc", "--import", "tsx", "--trace-deopt", "--input-type=module", "-e", fourPartsScript],
        { encoding: "utf8", maxBuffer: 1 << 26 },
      );
      expect(run.status, run.stderr).toBe(0);
      const later = run.stdout.slice(run.stdout.indexOf("second"));
      const thrownAway = [
        ...later.matchAll(
          /reason: Insufficient type feedback[^)]*\): begin\. deoptimizing \S+ <JSFunction (\w+)/g,
        ),
      ]
        .map((match) => match[1]!)
        .filter((name) => warmedStages.includes(name));
      expect(
        thrownAway,
        later
          .split("\n")
          .filter((line) => line.includes("Insufficient"))
          .join("\n"),
      ).toEqual([]);
    },
  );

  it("leaves the small mesh's triangle measures with edge mates and runs without throwing", () => {
    const mesh = smallShapeMesh();
    const triangles = measureTriangles(mesh.positions, mesh.indices);
    warmShapeFacts(mesh, triangles);
    expect(triangles.edgeMates).toBeDefined();
    expect(mesh.wallThicknessMm?.length).toBe(mesh.indices.length / 3);
  });
});
