// npm run bench:printing — the engine's FDM print time and filament against PrusaSlicer 2.5, per mesh.
// Meshes: bench/printing-meshes/ (public models, SOURCES.tsv), tests/fixtures/meshes/ (the issue's four
// real kinds) and the constructed ones of bench/printing-meshes/construct-meshes.ts (written to a
// temporary folder). Each is sliced anew with the issue's flags (nothing cached); the slicer's numbers are
// also written to PRUSA_REFERENCE (default ../printing-corpus/prusa-reference.json, when that folder
// exists) so the FDM model can be calibrated without slicing again. Without prusa-slicer it says so
// and exits 0. BENCH_RUNS sets timed engine runs per file (median); PRINTING_BENCH_ONLY filters by name.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { median } from "./median";
import { parsePrusaGcode, type SlicerSummary } from "./parse-prusa-gcode";
import { estimatePrint } from "./printing-engine-estimate";
import { constructedMeshes } from "./printing-meshes/construct-meshes";

/** The issue's reference: PrusaSlicer's built-in defaults plus exactly these. */
const slicerFlags = [
  "--layer-height",
  "0.2",
  "--first-layer-height",
  "0.2",
  "--fill-density",
  "20%",
  "--support-material",
];
/** Flags a file needs to slice at all, with the reason (none needed so far: the CLI drops and arranges parts on the bed). */
const extraFlags: Record<string, { flags: string[]; why: string }> = {};
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.env.PRINTING_BENCH_ONLY;
const referencePath = path.resolve(process.env.PRUSA_REFERENCE ?? "../printing-corpus/prusa-reference.json");
const lockFile = process.env.PRUSA_LOCK ?? "/tmp/prusa.lock";

const version = spawnSync("prusa-slicer", ["--help"], { encoding: "utf8" });
if (version.error) {
  console.log(
    "bench:printing skipped: prusa-slicer is not installed (the reference slicer; apt-get install prusa-slicer).",
  );
  process.exit(0);
}
const slicerVersion = /PrusaSlicer-[\w.+-]+/.exec(version.stdout)?.[0] ?? "PrusaSlicer";

const scratch = mkdtempSync(path.join(os.tmpdir(), "printing-bench-"));
const files: string[] = [];
for (const folder of ["bench/printing-meshes", "tests/fixtures/meshes"])
  for (const name of readdirSync(folder).sort())
    if (/\.(stl|3mf|obj)$/i.test(name)) files.push(path.join(folder, name));
for (const mesh of constructedMeshes()) {
  writeFileSync(path.join(scratch, mesh.fileName), mesh.bytes);
  files.push(path.join(scratch, mesh.fileName));
}

/** Slices one file (one slicer at a time on the machine: flock) and times the slicer alone, not the wait. */
function slice(file: string): { summary?: SlicerSummary; ms: number; error?: string } {
  const gcodePath = path.join(scratch, `${path.basename(file)}.gcode`);
  const args = [
    ...slicerFlags,
    ...(extraFlags[path.basename(file)]?.flags ?? []),
    "--export-gcode",
    "-o",
    gcodePath,
    file,
  ];
  const timed = `s=$(date +%s%N); prusa-slicer "$@" >"${gcodePath}.log" 2>&1; r=$?; e=$(date +%s%N); echo "$r $(( (e-s)/1000000 ))"`;
  const run = spawnSync("flock", [lockFile, "sh", "-c", timed, "sh", ...args], { encoding: "utf8" });
  const [code, ms] = run.stdout.trim().split(" ").map(Number);
  if (code !== 0 || !existsSync(gcodePath)) {
    const log = existsSync(`${gcodePath}.log`) ? readFileSync(`${gcodePath}.log`, "utf8") : run.stderr;
    const reason = log
      .split("\n")
      .filter((line) => /error|fail/i.test(line) && !/\[trace\]/.test(line))
      .pop();
    return { ms: ms ?? 0, error: reason?.trim() ?? `exit ${code}` };
  }
  const summary = parsePrusaGcode(readFileSync(gcodePath, "utf8"));
  rmSync(gcodePath);
  return summary ? { summary, ms: ms ?? 0 } : { ms: ms ?? 0, error: "no time or filament in the G-code" };
}

interface Row {
  file: string;
  triangles: number;
  slicer?: SlicerSummary;
  slicerMs: number;
  engineMinutes?: number;
  engineMm3?: number;
  engineMs?: number;
  estimateMs?: number;
  error?: string;
}
const rows: Row[] = [];
const reference: Record<
  string,
  {
    source: string;
    minutes: number;
    filamentMm3: number;
    filamentMm: number;
    slicerMs: number;
    triangles: number;
  }
> = {};

for (const file of files) {
  const name = path.basename(file);
  if (only && !name.includes(only)) continue;
  const bytes = new Uint8Array(readFileSync(file));
  // The engine as the app runs it: read and analyse the upload (features and walls included), then estimate.
  const first = analyzeFile(bytes, name);
  if (!("report" in first)) {
    rows.push({ file: name, triangles: 0, slicerMs: 0, error: `engine: ${first.error.code}` });
    continue;
  }
  const triangles = first.displayMesh.indices.length / 3;
  const totals: number[] = [];
  const estimates: number[] = [];
  let estimate = estimatePrint(first.report, first.displayMesh);
  for (let run = 0; run < runs; run++) {
    const startedAt = performance.now();
    const result = analyzeFile(bytes, name);
    const analysedAt = performance.now();
    if (!("report" in result)) break;
    estimate = estimatePrint(result.report, result.displayMesh);
    const doneAt = performance.now();
    totals.push(doneAt - startedAt);
    estimates.push(doneAt - analysedAt);
  }
  const sliced = slice(file);
  const row: Row = {
    file: name,
    triangles,
    slicer: sliced.summary,
    slicerMs: sliced.ms,
    engineMinutes: estimate.minutes,
    engineMm3: estimate.filamentMm3,
    engineMs: median(totals),
    estimateMs: median(estimates),
    error: sliced.error && `slicer: ${sliced.error}`,
  };
  rows.push(row);
  if (sliced.summary)
    reference[name] = {
      // Where to find the mesh again: a repository path, or the constructing script for generated ones.
      source: file.startsWith(scratch) ? "bench/printing-meshes/construct-meshes.ts" : file,
      minutes: round(sliced.summary.minutes, 3),
      filamentMm3: round(sliced.summary.filamentMm3, 1),
      filamentMm: sliced.summary.filamentMm,
      slicerMs: sliced.ms,
      triangles,
    };
  if (process.stderr.isTTY) process.stderr.write(`${name} `);
}
if (process.stderr.isTTY) process.stderr.write("\n");
rmSync(scratch, { recursive: true, force: true });

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
const percent = (engine?: number, slicer?: number) =>
  engine === undefined || !slicer ? undefined : ((engine - slicer) / slicer) * 100;
const show = (value: number | undefined, digits = 1) => (value === undefined ? "" : value.toFixed(digits));

const header = [
  "file",
  "triangles",
  "slicer min",
  "engine min",
  "time err %",
  "slicer mm³",
  "engine mm³",
  "filament err %",
  "slicer ms",
  "engine ms",
  "estimate ms",
  "speed ×",
];
const table = rows.map((row) => [
  row.file,
  String(row.triangles),
  show(row.slicer?.minutes),
  show(row.engineMinutes),
  show(percent(row.engineMinutes, row.slicer?.minutes)),
  show(row.slicer?.filamentMm3, 0),
  show(row.engineMm3, 0),
  show(percent(row.engineMm3, row.slicer?.filamentMm3)),
  String(row.slicerMs || ""),
  show(row.engineMs),
  show(row.estimateMs, 3),
  row.slicer && row.engineMs ? show(row.slicerMs / row.engineMs, 0) : "",
  row.error ?? "",
]);
const widths = header.map((title, column) =>
  Math.max(title.length, ...table.map((cells) => cells[column]!.length)),
);
const line = (cells: string[]) =>
  cells
    .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column] ?? 0)))
    .join("  ");
console.log(`FDM print time and filament: engine against ${slicerVersion} (${slicerFlags.join(" ")})`);
console.log(line(header));
for (const cells of table) console.log(line(cells).trimEnd());

const measured = rows.filter((row) => row.slicer && row.engineMinutes !== undefined);
const timeErrors = measured.map((row) => Math.abs(percent(row.engineMinutes, row.slicer!.minutes)!));
const filamentErrors = measured.map((row) => Math.abs(percent(row.engineMm3, row.slicer!.filamentMm3)!));
const signedTime = measured.map((row) => percent(row.engineMinutes, row.slicer!.minutes)!);
const speed = measured.map((row) => row.slicerMs / row.engineMs!);
const estimateSpeed = measured.map((row) => row.slicerMs / Math.max(row.estimateMs!, 1e-3));
const worst = (values: number[]) => Math.max(...values);
const holds = (ok: boolean) => (ok ? "holds" : "MISSED");
console.log("");
console.log(
  `${measured.length} of ${rows.length} meshes measured by both${
    rows.length > measured.length
      ? `; failed: ${rows
          .filter((row) => !measured.includes(row))
          .map((row) => `${row.file} (${row.error})`)
          .join(", ")}`
      : ""
  }`,
);
for (const [file, extra] of Object.entries(extraFlags))
  console.log(`extra slicer flags for ${file}: ${extra.flags.join(" ")} (${extra.why})`);
console.log(
  `time error: median ${median(timeErrors).toFixed(1)} % (signed median ${median(signedTime).toFixed(1)} %), worst ${worst(timeErrors).toFixed(1)} %: within 20 % on every file ${holds(worst(timeErrors) <= 20)} (${timeErrors.filter((error) => error <= 20).length}/${measured.length} files)`,
);
console.log(
  `filament error: median ${median(filamentErrors).toFixed(1)} %, worst ${worst(filamentErrors).toFixed(1)} %: within 10 % on every file ${holds(worst(filamentErrors) <= 10)} (${filamentErrors.filter((error) => error <= 10).length}/${measured.length} files)`,
);
console.log(
  `speed: slicer / engine (read, analyse, estimate) median ${median(speed).toFixed(0)}×, slowest ${Math.min(...speed).toFixed(0)}×: at least 100× ${holds(Math.min(...speed) >= 100)}; slicer / estimate alone median ${median(estimateSpeed).toFixed(0)}×, slowest ${Math.min(...estimateSpeed).toFixed(0)}×`,
);
if (existsSync(path.dirname(referencePath)) && !only) {
  const flags = slicerFlags.join(" ");
  writeFileSync(
    referencePath,
    `${JSON.stringify({ slicer: slicerVersion, flags, extraFlags, files: reference }, null, 2)}\n`,
  );
  console.log(`slicer numbers written to ${referencePath}`);
}
