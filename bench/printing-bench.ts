// npm run bench:printing — the engine's FDM print time and filament against PrusaSlicer 2.5, per mesh.
// Meshes: bench/printing-meshes/ (public models, SOURCES.tsv), tests/fixtures/meshes/ (the issue's four
// real kinds) and the constructed ones of bench/printing-meshes/construct-meshes.ts (written to a
// temporary folder). Each is sliced with the issue's flags unless the slicer cache holds it (PRUSA_CACHE,
// default prusa-slice-cache.json beside PRUSA_REFERENCE: keyed by the mesh's SHA-256, the flags and the
// slicer's version, bench/prusa-slice-cache.ts; PRINTING_BENCH_SLICE=1 slices every file again); the slicer's numbers are
// also written to PRUSA_REFERENCE (default ../printing-corpus/prusa-reference.json, when that folder
// exists) so the FDM model can be calibrated without slicing again. Without prusa-slicer it says so
// and exits 0. BENCH_RUNS sets timed engine runs per file (median), BENCH_WARM_UPS the untimed estimates
// before them (30); PRINTING_BENCH_SLICE=0 reuses the slicer's numbers of the last run; PRINTING_BENCH_ONLY filters by name.
// Speed is compared in CPU time as well as wall time (the machine is shared, so wall times wait on other
// work): the slicer's from its rusage (/usr/bin/time: user + system, all its threads), the engine's from
// process.cpuUsage() around the estimate, median of BENCH_RUNS runs after a warm-up.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { median } from "./median";
import { parsePrusaGcode, type SlicerSummary } from "./parse-prusa-gcode";
import { openSliceCache, sliceCacheKey } from "./prusa-slice-cache";
import { prusaSlicerFlags } from "./prusa-slicer-flags";
import { estimatePrint } from "./printing-engine-estimate";
import { constructedMeshes } from "./printing-meshes/construct-meshes";

/** The issue's reference: PrusaSlicer's built-in defaults plus exactly these. */
const slicerFlags = prusaSlicerFlags;
/** Flags a file needs to slice at all, with the reason (none needed so far: the CLI drops and arranges parts on the bed). */
const extraFlags: Record<string, { flags: string[]; why: string }> = {};
const runs = Number(process.env.BENCH_RUNS ?? 3);
const warmUps = Number(process.env.BENCH_WARM_UPS ?? 30);
/** Extra timed runs of the estimate while they fit in this time (a fast estimate gets up to 50). */
const estimateBudgetMs = Number(process.env.BENCH_ESTIMATE_BUDGET_MS ?? 250);
/** PRINTING_BENCH_SLICE=0: take the slicer's numbers (time, filament, wall and CPU time) from PRUSA_REFERENCE, as
 * the last slicing run wrote them, instead of slicing again (the engine side is measured anew). */
const sliceAgain = process.env.PRINTING_BENCH_SLICE !== "0";
const only = process.env.PRINTING_BENCH_ONLY;
const referencePath = path.resolve(process.env.PRUSA_REFERENCE ?? "../printing-corpus/prusa-reference.json");
const lockFile = process.env.PRUSA_LOCK ?? "/tmp/prusa.lock";
const sliceEveryFile = process.env.PRINTING_BENCH_SLICE === "1";
const cachePath = path.resolve(
  process.env.PRUSA_CACHE ??
    (existsSync(path.dirname(referencePath))
      ? path.join(path.dirname(referencePath), "prusa-slice-cache.json")
      : ".data/prusa-slice-cache.json"),
);
const sliceCache = openSliceCache(cachePath);
let cacheHits = 0;

const version = spawnSync("prusa-slicer", ["--help"], { encoding: "utf8" });
if (version.error) {
  console.log(
    "bench:printing skipped: prusa-slicer is not installed (the reference slicer; apt-get install prusa-slicer).",
  );
  process.exit(0);
}
const storedReference = sliceAgain
  ? undefined
  : (JSON.parse(readFileSync(referencePath, "utf8")) as {
      slicer: string;
      files: Record<
        string,
        { minutes: number; filamentMm3: number; filamentMm: number; slicerMs: number; slicerCpuMs?: number }
      >;
    });
const slicerVersion =
  storedReference?.slicer ?? /PrusaSlicer-[\w.+-]+/.exec(version.stdout)?.[0] ?? "PrusaSlicer";

const scratch = mkdtempSync(path.join(os.tmpdir(), "printing-bench-"));
const files: string[] = [];
for (const folder of ["bench/printing-meshes", "tests/fixtures/meshes"])
  for (const name of readdirSync(folder).sort())
    if (/\.(stl|3mf|obj)$/i.test(name)) files.push(path.join(folder, name));
for (const mesh of constructedMeshes()) {
  writeFileSync(path.join(scratch, mesh.fileName), mesh.bytes);
  files.push(path.join(scratch, mesh.fileName));
}

/**
 * Slices one file (one slicer at a time on the machine: flock) and times the slicer alone, not the wait:
 * wall time, and CPU time (user + system over all its threads) from /usr/bin/time's rusage.
 */
function slice(file: string): { summary?: SlicerSummary; ms: number; cpuMs: number; error?: string } {
  const gcodePath = path.join(scratch, `${path.basename(file)}.gcode`);
  const args = [
    ...slicerFlags,
    ...(extraFlags[path.basename(file)]?.flags ?? []),
    "--export-gcode",
    "-o",
    gcodePath,
    file,
  ];
  const usagePath = `${gcodePath}.usage`;
  const timed = `/usr/bin/time -f "%e %U %S" -o "${usagePath}" prusa-slicer "$@" >"${gcodePath}.log" 2>&1; echo $?`;
  const run = spawnSync("flock", [lockFile, "sh", "-c", timed, "sh", ...args], { encoding: "utf8" });
  const code = Number(run.stdout.trim());
  const usage = existsSync(usagePath) ? readFileSync(usagePath, "utf8").trim().split("\n").pop()! : "";
  const [wallSeconds, userSeconds, systemSeconds] = usage.split(" ").map(Number);
  const ms = Math.round((wallSeconds ?? 0) * 1000);
  const cpuMs = Math.round(((userSeconds ?? 0) + (systemSeconds ?? 0)) * 1000);
  if (code !== 0 || !existsSync(gcodePath)) {
    const log = existsSync(`${gcodePath}.log`) ? readFileSync(`${gcodePath}.log`, "utf8") : run.stderr;
    const reason = log
      .split("\n")
      .filter((line) => /error|fail/i.test(line) && !/\[trace\]/.test(line))
      .pop();
    return { ms, cpuMs, error: reason?.trim() ?? `exit ${code}` };
  }
  const summary = parsePrusaGcode(readFileSync(gcodePath, "utf8"));
  rmSync(gcodePath);
  return summary ? { summary, ms, cpuMs } : { ms, cpuMs, error: "no time or filament in the G-code" };
}

/** The slicer's numbers from the cache when it holds this mesh, flags and slicer; else sliced and cached. */
function sliceOrCached(
  file: string,
  bytes: Uint8Array,
): { summary?: SlicerSummary; ms: number; cpuMs: number; error?: string } {
  const key = sliceCacheKey(
    bytes,
    slicerFlags.concat(extraFlags[path.basename(file)]?.flags ?? []),
    slicerVersion,
  );
  const cached = sliceEveryFile ? undefined : sliceCache.get(key);
  if (cached) {
    cacheHits++;
    const { minutes, filamentMm3, filamentMm, slicerMs, slicerCpuMs } = cached;
    return { summary: { minutes, filamentMm3, filamentMm }, ms: slicerMs, cpuMs: slicerCpuMs };
  }
  const sliced = slice(file);
  if (sliced.summary) {
    sliceCache.set(key, {
      ...sliced.summary,
      slicerMs: sliced.ms,
      slicerCpuMs: sliced.cpuMs,
      file: path.basename(file),
      slicedAt: new Date().toISOString(),
    });
    sliceCache.save();
  }
  return sliced;
}

// A full garbage collection before the timed estimates, so the estimate is not charged for collecting
// what the analysis before it left behind.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** The slicer's numbers for a file as the last slicing run stored them (PRINTING_BENCH_SLICE=0). */
function stored(name: string): { summary?: SlicerSummary; ms: number; cpuMs: number; error?: string } {
  const entry = storedReference?.files[name];
  if (!entry) return { ms: 0, cpuMs: 0, error: "not in the stored reference" };
  const { minutes, filamentMm3, filamentMm, slicerMs, slicerCpuMs } = entry;
  return { summary: { minutes, filamentMm3, filamentMm }, ms: slicerMs, cpuMs: slicerCpuMs ?? 0 };
}

/** CPU milliseconds (user + system) of this process since `start` (a process.cpuUsage() reading). */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

interface Row {
  file: string;
  triangles: number;
  slicer?: SlicerSummary;
  slicerMs: number;
  slicerCpuMs: number;
  engineMinutes?: number;
  engineMm3?: number;
  engineMs?: number;
  engineCpuMs?: number;
  estimateMs?: number;
  estimateCpuMs?: number;
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
    slicerCpuMs: number;
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
    rows.push({
      file: name,
      triangles: 0,
      slicerMs: 0,
      slicerCpuMs: 0,
      error: `engine: ${first.error.code}`,
    });
    continue;
  }
  const triangles = first.displayMesh.indices.length / 3;
  const totals: number[] = [];
  const estimates: number[] = [];
  const totalsCpu: number[] = [];
  const estimatesCpu: number[] = [];
  let estimate = estimatePrint(first.report, first.displayMesh);
  let analysed = first;
  for (let run = 0; run < runs; run++) {
    const startedAt = performance.now();
    const startedCpu = process.cpuUsage();
    const result = analyzeFile(bytes, name);
    if (!("report" in result)) break;
    totalsCpu.push(cpuMsSince(startedCpu));
    totals.push(performance.now() - startedAt);
    analysed = result;
  }
  // The estimate alone, as a long-running analysis worker runs it: warmed up (the JIT compiles on
  // background threads, which process.cpuUsage counts), then after a full collection and a pause for
  // the collector's threads (they would charge the analysis's garbage to the estimate).
  // Warm: BENCH_WARM_UPS runs and at least a second (after 30 runs of a 1 ms estimate V8 still compiled it).
  const warmingSince = performance.now();
  for (let run = 0; run < warmUps || (run < 2000 && performance.now() - warmingSince < 1000); run++)
    estimate = estimatePrint(analysed.report, analysed.displayMesh);
  collectGarbage();
  Atomics.wait(pause, 0, 0, 200);
  // At least BENCH_RUNS timed runs, and as many as fit in estimateBudgetMs (at most 50): cpuUsage counts V8's threads.
  const timingStartedAt = performance.now();
  for (
    let run = 0;
    run < runs || (run < 50 && performance.now() - timingStartedAt < estimateBudgetMs);
    run++
  ) {
    const startedAt = performance.now();
    const startedCpu = process.cpuUsage();
    estimate = estimatePrint(analysed.report, analysed.displayMesh);
    estimatesCpu.push(cpuMsSince(startedCpu));
    estimates.push(performance.now() - startedAt);
  }
  const estimateMs = median(estimates);
  const estimateCpuMs = median(estimatesCpu);
  for (let run = 0; run < totals.length; run++) {
    totals[run]! += estimateMs;
    totalsCpu[run]! += estimateCpuMs;
  }
  const sliced = sliceAgain ? sliceOrCached(file, bytes) : stored(name);
  const row: Row = {
    file: name,
    triangles,
    slicer: sliced.summary,
    slicerMs: sliced.ms,
    slicerCpuMs: sliced.cpuMs,
    engineMinutes: estimate.minutes,
    engineMm3: estimate.filamentMm3,
    engineMs: median(totals),
    engineCpuMs: median(totalsCpu),
    estimateMs,
    estimateCpuMs,
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
      slicerCpuMs: sliced.cpuMs,
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

// Speed: the estimate (slicing the layers, supports, the estimate: the FDM work beside the analysis
// every upload gets) against slicing, per file, in wall and in CPU time; the target is on CPU time.
const ratio = (slicerMs: number, engineMs?: number) =>
  engineMs === undefined || !slicerMs ? undefined : slicerMs / Math.max(engineMs, 1e-3);
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
  "slicer cpu ms",
  "estimate ms",
  "estimate cpu ms",
  "speed ×",
  "cpu speed ×",
  "analysis cpu ms",
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
  String(row.slicerCpuMs || ""),
  show(row.estimateMs, 2),
  show(row.estimateCpuMs, 2),
  row.slicer ? show(ratio(row.slicerMs, row.estimateMs), 0) : "",
  row.slicer ? show(ratio(row.slicerCpuMs, row.estimateCpuMs), 0) : "",
  show(row.engineCpuMs, 1),
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
const wallSpeed = measured.map((row) => ratio(row.slicerMs, row.estimateMs)!);
const cpuSpeed = measured.map((row) => ratio(row.slicerCpuMs, row.estimateCpuMs)!);
const analysisCpuSpeed = measured.map((row) => ratio(row.slicerCpuMs, row.engineCpuMs)!);
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
const slowest = (values: number[]) => {
  const index = values.indexOf(Math.min(...values));
  return `${values[index]!.toFixed(0)}× (${measured[index]!.file})`;
};
console.log(
  `speed, slicer / estimate in CPU time: median ${median(cpuSpeed).toFixed(0)}×, slowest ${slowest(cpuSpeed)}: at least 100× on every file ${holds(Math.min(...cpuSpeed) >= 100)} (${cpuSpeed.filter((value) => value >= 100).length}/${measured.length} files)`,
);
console.log(
  `speed, slicer / estimate in wall time (on a shared machine, for information): median ${median(wallSpeed).toFixed(0)}×, slowest ${slowest(wallSpeed)}`,
);
console.log(
  `slicer / whole analysis and estimate (read, measure, features, walls, orientations, estimate) in CPU time: median ${median(analysisCpuSpeed).toFixed(0)}×, slowest ${slowest(analysisCpuSpeed)}`,
);
if (sliceAgain) console.log(`slicer cache ${cachePath}: ${cacheHits} of ${measured.length} meshes from it`);
if (!sliceAgain) console.log(`slicer numbers from ${referencePath} (not sliced again)`);
else if (existsSync(path.dirname(referencePath)) && !only) {
  const flags = slicerFlags.join(" ");
  writeFileSync(
    referencePath,
    `${JSON.stringify({ slicer: slicerVersion, flags, extraFlags, files: reference }, null, 2)}\n`,
  );
  console.log(`slicer numbers written to ${referencePath}`);
}
