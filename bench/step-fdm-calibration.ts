// npx tsx bench/step-fdm-calibration.ts — the FDM print model on STEP parts against PrusaSlicer 2.5, with
// the layer profile measured on the kernel's tessellation as it is (a mesh per B-rep face: "unwelded")
// and with the faces' boundaries welded (`weldTessellationFaces`, decision 0081). PrusaSlicer 2.5 cannot
// read STEP, so each part's welded tessellation is written as a binary STL (the same triangles, in the
// display mesh's frame, and again turned as the analysis builds the part for FDM, which is what is priced)
// and sliced with the printing benchmark's flags; the STL is also analysed as a mesh, whose profile
// (STL min) the welded one should match. Slicer results are cached like the
// printing benchmark's (PRUSA_CACHE, default .data/prusa-slice-cache.json). STEP_FDM_ONLY filters by name.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { initCadKernel } from "../quoting-engine/io/cad-kernel";
import { estimateFdmPrint } from "../quoting-engine/printing/estimate-fdm-print";
import { fdmMachineFrom } from "../quoting-engine/printing/fdm-machine-classes";
import { measureFdmLayers, type FdmLayerProfile } from "../quoting-engine/printing/measure-fdm-layers";
import { rotatePositions } from "../quoting-engine/printing/rotate-positions";
import { weldTessellationFaces } from "../quoting-engine/printing/weld-tessellation-faces";
import { defaultPricingData } from "../quoting-engine/pricing/default-pricing-data";
import { parsePrusaGcode, type SlicerSummary } from "./parse-prusa-gcode";
import { binaryStl } from "./printing-meshes/construct-meshes";
import { openSliceCache, sliceCacheKey } from "./prusa-slice-cache";
import { prusaSlicerFlags } from "./prusa-slicer-flags";

/** Corpus STEP parts that fit a desktop printer's bed as drawn: plates, blocks, a cup, CAx-IF and NIST parts. */
const parts = [
  "../shared/cad-corpus/step/synth_plate_4thru_1blind.step",
  "../shared/cad-corpus/step/synth_block_2pockets_bottomslot.step",
  "../shared/cad-corpus/step/synth_thinwall_cup_1mm.step",
  "../shared/cad-corpus/step/synth_tslot_undercut.step",
  "../shared/cad-corpus/step/mfcad_2-3-5-11-14-23.step",
  "../shared/cad-corpus/step/caxif_io1-tu-203.stp",
  "../shared/cad-corpus/step/caxif_sg1-c5-214.stp",
  "tests/fixtures/cad/openamr_motor_bracket.step",
  "tests/fixtures/cad/constructed_bent_bracket_2mm.step",
];
const only = process.env.STEP_FDM_ONLY;
const machine = fdmMachineFrom(defaultPricingData.processes.fdm.parameters);
const cache = openSliceCache(path.resolve(process.env.PRUSA_CACHE ?? ".data/prusa-slice-cache.json"));
const version = spawnSync("prusa-slicer", ["--help"], { encoding: "utf8" });
if (version.error) {
  console.log("step-fdm-calibration skipped: prusa-slicer is not installed (apt-get install prusa-slicer).");
  process.exit(0);
}
const slicerVersion = /PrusaSlicer-[\w.+-]+/.exec(version.stdout)?.[0] ?? "PrusaSlicer";
const scratch = mkdtempSync(path.join(os.tmpdir(), "step-fdm-"));

/** The welded tessellation as a binary STL: the display mesh's triangles, less those welding collapses. */
function weldedStl(positions: ArrayLike<number>, indices: Uint32Array, name: string): Uint8Array {
  const point = (vertex: number) =>
    [positions[vertex * 3]!, positions[vertex * 3 + 1]!, positions[vertex * 3 + 2]!] as [
      number,
      number,
      number,
    ];
  const triangles: [ReturnType<typeof point>, ReturnType<typeof point>, ReturnType<typeof point>][] = [];
  for (let corner = 0; corner < indices.length; corner += 3)
    triangles.push([point(indices[corner]!), point(indices[corner + 1]!), point(indices[corner + 2]!)]);
  return binaryStl(triangles, `welded tessellation of ${name}`);
}

/** PrusaSlicer's time and filament for an STL, from the cache or sliced (and cached). */
function sliced(stl: Uint8Array, name: string): SlicerSummary | string {
  const key = sliceCacheKey(stl, prusaSlicerFlags, slicerVersion);
  const hit = cache.get(key);
  if (hit) return hit;
  const stlPath = path.join(scratch, `${name}.stl`);
  const gcodePath = `${stlPath}.gcode`;
  writeFileSync(stlPath, stl);
  const startedAt = performance.now();
  const run = spawnSync("prusa-slicer", [...prusaSlicerFlags, "--export-gcode", "-o", gcodePath, stlPath], {
    encoding: "utf8",
  });
  const ms = Math.round(performance.now() - startedAt);
  if (run.status !== 0 || !existsSync(gcodePath))
    return `slicer exit ${run.status}: ${
      (run.stdout + run.stderr)
        .split("\n")
        .filter((line) => /error/i.test(line))
        .pop() ?? ""
    }`;
  const summary = parsePrusaGcode(readFileSync(gcodePath, "utf8"));
  if (!summary) return "no time or filament in the G-code";
  cache.set(key, {
    ...summary,
    slicerMs: ms,
    slicerCpuMs: 0,
    file: `${name}.stl`,
    slicedAt: new Date().toISOString(),
  });
  cache.save();
  return summary;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const percent = (engine: number, slicer: number) => ((engine - slicer) / slicer) * 100;
const estimate = (profile: FdmLayerProfile) => estimateFdmPrint(profile, machine);

await initCadKernel();
const rows: string[][] = [];
const errors = {
  oldTime: [] as number[],
  newTime: [] as number[],
  oldMm3: [] as number[],
  newMm3: [] as number[],
};
for (const file of parts) {
  const name = path.basename(file).replace(/\.(step|stp)$/i, "");
  if (only && !name.includes(only)) continue;
  const result = analyzeFile(new Uint8Array(readFileSync(file)), path.basename(file));
  if (!("report" in result)) {
    console.log(`${name}: ${result.error.message}`);
    continue;
  }
  const mesh = result.displayMesh;
  const welded = weldTessellationFaces(mesh);
  // As drawn, and as the analysis builds it for FDM (what is priced) when that differs.
  const fdm = result.report.features.buildOrientations!.fdm;
  const frames = [{ label: "as drawn", positions: mesh.positions as ArrayLike<number> }];
  if (fdm.label !== "+Z up (as drawn)")
    frames.push({ label: fdm.label, positions: rotatePositions(mesh.positions, fdm.rotation) });
  for (const frame of frames) {
    const stl = weldedStl(frame.positions, welded, name);
    const slicer = sliced(stl, name);
    if (typeof slicer === "string") {
      console.log(`${name}, ${frame.label}: ${slicer}`);
      continue;
    }
    // The profile of the faces as meshed, welded, and of the STL read as a mesh.
    const unwelded = measureFdmLayers(frame.positions, mesh.indices);
    const weldedProfile = measureFdmLayers(frame.positions, welded);
    const asStl = analyzeFile(stl, `${name}.stl`, { recognizeFeatures: false });
    const stlProfile =
      "report" in asStl
        ? measureFdmLayers(asStl.displayMesh.positions, asStl.displayMesh.indices)
        : undefined;
    const before = estimate(unwelded);
    const after = estimate(weldedProfile);
    errors.oldTime.push(percent(before.minutes, slicer.minutes));
    errors.newTime.push(percent(after.minutes, slicer.minutes));
    errors.oldMm3.push(percent(before.filamentMm3, slicer.filamentMm3));
    errors.newMm3.push(percent(after.filamentMm3, slicer.filamentMm3));
    rows.push([
      name,
      frame.label,
      String(mesh.indices.length / 3),
      `${sum(unwelded.loopCount)} → ${sum(weldedProfile.loopCount)} (${stlProfile ? sum(stlProfile.loopCount) : "?"})`,
      slicer.minutes.toFixed(1),
      `${before.minutes.toFixed(1)} (${percent(before.minutes, slicer.minutes).toFixed(1)})`,
      `${after.minutes.toFixed(1)} (${percent(after.minutes, slicer.minutes).toFixed(1)})`,
      stlProfile ? estimate(stlProfile).minutes.toFixed(1) : "?",
      (slicer.filamentMm3 / 1000).toFixed(2),
      `${(before.filamentMm3 / 1000).toFixed(2)} (${percent(before.filamentMm3, slicer.filamentMm3).toFixed(1)})`,
      `${(after.filamentMm3 / 1000).toFixed(2)} (${percent(after.filamentMm3, slicer.filamentMm3).toFixed(1)})`,
    ]);
  }
}
rmSync(scratch, { recursive: true, force: true });
const header = [
  "part",
  "up",
  "triangles",
  "loops unwelded → welded (STL)",
  "slicer min",
  "unwelded min (err %)",
  "welded min (err %)",
  "STL min",
  "slicer cm³",
  "unwelded cm³ (err %)",
  "welded cm³ (err %)",
];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]!.length)),
);
for (const row of [header, ...rows])
  console.log(
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  "),
  );
const meanAbs = (values: number[]) => sum(values.map(Math.abs)) / Math.max(1, values.length);
const worst = (values: number[]) => Math.max(0, ...values.map(Math.abs));
console.log(
  `${rows.length} cases, ${slicerVersion}. Time error: mean |err| ${meanAbs(errors.oldTime).toFixed(1)} % → ${meanAbs(errors.newTime).toFixed(1)} %, worst ${worst(errors.oldTime).toFixed(1)} % → ${worst(errors.newTime).toFixed(1)} %. ` +
    `Filament: mean |err| ${meanAbs(errors.oldMm3).toFixed(1)} % → ${meanAbs(errors.newMm3).toFixed(1)} %, worst ${worst(errors.oldMm3).toFixed(1)} % → ${worst(errors.newMm3).toFixed(1)} %.`,
);
