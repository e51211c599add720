// npm run bench:mesh — mesh reading and measuring beside admesh, in CPU time so a loaded machine does not
// spoil the ratio. Per file: admesh's default run (read, exact check, nearby check, holes, normal
// directions and values, volume: `admesh FILE`), ours reading and measuring (weld, repairs, bodies,
// volume, area, box: analyzeFile without features) and ours with features (segments, walls, build
// orientation, FDM layers). Medians of BENCH_RUNS runs (default 5: the first read after the warm-up's
// run with features still pays for collecting that run's garbage, ~10–25 % over the steady runs on a
// 1 M torus (decision 0097), and of 3 runs it could set the median) after one warm-up; CPU time is the
// child's user + system from /usr/bin/time for admesh, process.cpuUsage() for ours (all threads).
// Files: closed tori of 100 k, 1 M and 3 M triangles written here (BENCH_MESH_SIZES, comma-separated)
// and the largest real printable mesh of bench/printing-meshes. Then the memory of an analysis worker.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { warmMeshMeasuring } from "../quoting-engine/analysis/warm-mesh-measuring";
import { median } from "./median";
import { formatMs, reportTarget } from "./target-result";
import { torusStl } from "./torus-stl";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizes = (process.env.BENCH_MESH_SIZES ?? "100000,1000000,3000000").split(",").map(Number);
const directory = mkdtempSync(path.join(tmpdir(), "mesh-bench-"));
const realMeshes = path.resolve("bench/printing-meshes");
const uploadLimitBytes = 100 * 1024 * 1024;

interface Timing {
  cpuMs: number;
  wallMs: number;
}

const files: { label: string; file: string; triangles: number }[] = [];
for (const size of sizes) {
  const torus = torusStl(size);
  const file = path.join(directory, `torus-${size}.stl`);
  writeFileSync(file, torus.bytes);
  files.push({
    // Over the app's 100 MB upload limit (the 3 M torus): measured with the limit lifted, and said so.
    label: `torus ${(torus.triangles / 1e6).toFixed(2)} M (constructed${torus.bytes.length > uploadLimitBytes ? ", > upload limit" : ""})`,
    file,
    triangles: torus.triangles,
  });
}
const real = readdirSync(realMeshes)
  .filter((name) => name.endsWith(".stl"))
  .map((name) => path.join(realMeshes, name))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0];
if (real) {
  const triangles = new DataView(readFileSync(real).buffer).getUint32(80, true);
  files.push({ label: `${path.basename(real)} (real)`, file: real, triangles });
}

const hasAdmesh = spawnSync("admesh", ["--version"]).status === 0;
if (!hasAdmesh) console.log("admesh is not installed (apt-get install admesh): only our times are shown.\n");

/** admesh's default run in a child, timed by /usr/bin/time: CPU is the child's user + system time. */
function timeAdmesh(file: string): Timing & { volumeMm3: number } {
  const child = spawnSync("/usr/bin/time", ["-f", "bench-time %e %U %S", "admesh", file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const times = /bench-time ([\d.]+) ([\d.]+) ([\d.]+)/.exec(child.stderr);
  if (!times) throw new Error(`admesh failed on ${file}: ${child.stderr.slice(-300)}`);
  const volume = /Volume\s*:\s*([-\d.]+)/.exec(child.stdout);
  return {
    wallMs: Number(times[1]) * 1000,
    cpuMs: (Number(times[2]) + Number(times[3])) * 1000,
    volumeMm3: volume ? Number(volume[1]) : Number.NaN,
  };
}

/**
 * Ours in this process, from reading the file to the report, as a warm analysis worker runs it. The 3 M
 * torus (143 MB) is over the upload limit (100 MB) that `analyzeFile` enforces for the app: the bench
 * lifts the byte limit for its own calls only, so it measures the engine on that size rather than the
 * refusal (the app's limit is unchanged; the engine's triangle limit, 5 M, still applies).
 */
function timeOurs(
  file: string,
  recognizeFeatures: boolean,
  analyze: typeof analyzeFile = analyzeFile,
): Timing & { volumeMm3: number } {
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  // The bytes as read, viewed, not copied: the copy is no part of analysing (the app copies once, when it
  // posts the file to a worker).
  const buffer = readFileSync(file);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const result = analyze(bytes, path.basename(file), { recognizeFeatures, maxBytes: bytes.length });
  const wallMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  if (!("report" in result)) throw new Error(`${file}: ${result.error.message}`);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, volumeMm3: result.report.volumeMm3 };
}

function medianOf(measure: () => Timing & { volumeMm3: number }) {
  const timings = Array.from({ length: runs }, measure);
  return {
    runsCpuMs: timings.map((timing) => timing.cpuMs),
    cpuMs: median(timings.map((timing) => timing.cpuMs)),
    wallMs: median(timings.map((timing) => timing.wallMs)),
    volumeMm3: timings[0]!.volumeMm3,
  };
}

// BENCH_BASELINE=DIR: an older engine (DIR holds its quoting-engine/, e.g. from `git archive <commit>
// quoting-engine | tar -x -C DIR` and a node_modules link) timed in the same runs, each of its runs right
// after ours, so a machine loaded by others slows both alike and the gain is shown, not assumed.
const baselineDirectory = process.env.BENCH_BASELINE;
const baselineAnalyze: typeof analyzeFile | undefined = baselineDirectory
  ? (
      (await import(path.resolve(baselineDirectory, "quoting-engine/analysis/analyze-file.ts"))) as {
        analyzeFile: typeof analyzeFile;
      }
    ).analyzeFile
  : undefined;
const baselineWarmUp: (() => void) | undefined = baselineDirectory
  ? (
      (await import(path.resolve(baselineDirectory, "quoting-engine/analysis/warm-mesh-measuring.ts"))) as {
        warmMeshMeasuring: () => void;
      }
    ).warmMeshMeasuring
  : undefined;

// Warm-up, as an analysis worker starts: the worker's own `warmMeshMeasuring` (a small mesh measured as
// files are, with and without features, so the mesh path is compiled before the first big file; a
// warm-up of its own here once measured only without features, and the first run with features threw
// the measuring steps' code away: decision 0113), for a baseline engine too so the pairs compare alike;
// then one full run, which pays for compiling the rest of the engine, once per worker.
// admesh first, every file, while this process is small: each admesh run forks this process, and after a
// fork every page of our kept arrays that a run writes takes a copy-on-write fault (one fork before a
// 1 M read added ~19 k faults, decision 0113), a cost of the bench, not of a worker, which never forks.
if (hasAdmesh) timeAdmesh(files[0]!.file);
const admeshOf = new Map(
  files.map(({ file }) => [file, hasAdmesh ? medianOf(() => timeAdmesh(file)) : undefined]),
);
warmMeshMeasuring();
baselineWarmUp?.();
timeOurs(files[0]!.file, true);
if (baselineAnalyze) timeOurs(files[0]!.file, true, baselineAnalyze);

const pad = (text: string, width: number) => text.padStart(width);
const ms = (timing: Timing) => `${timing.cpuMs.toFixed(0)} (${timing.wallMs.toFixed(0)})`;
console.log(
  `${"file".padEnd(48)}${pad("triangles", 11)}${pad("admesh ms", 14)}${pad("measure ms", 14)}${pad("ratio", 7)}` +
    `${pad("+features ms", 15)}${pad("ratio", 7)}  volume admesh / ours mm³`,
);
const ratios: {
  triangles: number;
  measure: number;
  features: number;
  admeshCpuMs: number;
  measureCpuMs: number;
  measureRunsCpuMs: number[];
}[] = [];
const baselineRows: string[] = [];
for (const { label, file, triangles } of files) {
  const admesh = admeshOf.get(file);
  const measure = medianOf(() => timeOurs(file, false));
  const features = medianOf(() => timeOurs(file, true));
  if (baselineAnalyze) {
    // Alternating: baseline, ours, baseline, ours… for read + measure, then with features.
    for (const recognize of [false, true]) {
      const pairs = Array.from({ length: runs }, () => ({
        baseline: timeOurs(file, recognize, baselineAnalyze).cpuMs,
        ours: timeOurs(file, recognize).cpuMs,
      }));
      baselineRows.push(
        `${label.padEnd(48)}${(recognize ? "+ features" : "measure").padEnd(12)}` +
          `${pad(median(pairs.map((pair) => pair.baseline)).toFixed(0), 12)}` +
          `${pad(median(pairs.map((pair) => pair.ours)).toFixed(0), 10)}` +
          `${pad((median(pairs.map((pair) => pair.baseline)) / median(pairs.map((pair) => pair.ours))).toFixed(2), 9)}×`,
      );
    }
  }
  const ratio = (timing: Timing) => (admesh ? timing.cpuMs / admesh.cpuMs : Number.NaN);
  ratios.push({
    triangles,
    measure: ratio(measure),
    features: ratio(features),
    admeshCpuMs: admesh?.cpuMs ?? Number.NaN,
    measureCpuMs: measure.cpuMs,
    measureRunsCpuMs: measure.runsCpuMs,
  });
  console.log(
    `${label.padEnd(48)}${pad(triangles.toLocaleString("en"), 11)}${pad(admesh ? ms(admesh) : "–", 14)}` +
      `${pad(ms(measure), 14)}${pad(ratio(measure).toFixed(2), 7)}${pad(ms(features), 15)}` +
      `${pad(ratio(features).toFixed(2), 7)}  ${admesh?.volumeMm3.toFixed(0) ?? "–"} / ${measure.volumeMm3.toFixed(0)}`,
  );
}
console.log(
  `\nms = median CPU time (wall time in brackets), ${runs} runs; ratio = ours ÷ admesh in CPU time.`,
);
const million = ratios.find((entry) => Math.abs(entry.triangles - 1e6) < 1e4);
if (million && hasAdmesh) {
  const verdict = (value: number, target: number) => (value <= target ? "met" : "NOT met");
  console.log(
    `1 M triangles: read + check + measure ${million.measure.toFixed(2)}× admesh (target ≤ 1.0×, ${verdict(million.measure, 1)}); ` +
      `with features ${million.features.toFixed(2)}× (target ≤ 3×, ${verdict(million.features, 3)}); ` +
      `read + measure runs in order: ${million.measureRunsCpuMs.map((value) => value.toFixed(0)).join(", ")} ms`,
  );
  reportTarget({
    measure: "1 M-triangle STL read + check + measure (CPU time)",
    value: `${million.measure.toFixed(2)}× admesh (with features ${million.features.toFixed(2)}×)`,
    reference: `admesh ${formatMs(million.admeshCpuMs)} CPU, ours ${formatMs(million.measureCpuMs)}`,
    target: "≤ 1.0× admesh",
    pass: million.measure <= 1,
  });
}
if (baselineRows.length > 0) {
  console.log(
    `\nBaseline ${baselineDirectory} against this engine, alternating, median CPU ms of ${runs} pairs:`,
  );
  console.log(
    `${"file".padEnd(48)}${"".padEnd(12)}${pad("baseline", 12)}${pad("ours", 10)}${pad("faster", 10)}`,
  );
  for (const row of baselineRows) console.log(row);
}
rmSync(directory, { recursive: true, force: true });

// An analysis worker's memory after warm-up, in a child process of its own (the kernels load there);
// BENCH_MESH_MEMORY=0 leaves it out (bench/targets.ts, which has no target for it).
if (process.env.BENCH_MESH_MEMORY !== "0") {
  const memory = spawnSync("npx", ["tsx", "bench/worker-memory.ts"], { encoding: "utf8", stdio: "pipe" });
  console.log(`\n${memory.stdout.trim() || memory.stderr.trim().slice(-500)}`);
}
