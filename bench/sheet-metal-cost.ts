// npx tsx bench/sheet-metal-cost.ts — what sheet-metal recognition adds to each corpus file's analysis
// (CPU time, median of BENCH_RUNS), so `npm run bench:engine` stays within 10 % for parts that are not
// sheet metal. CAD_CORPUS points at the corpus (default ../shared/cad-corpus).
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { analyzeModel } from "../quoting-engine/analysis/analyze-model";
import { recognizeSheetMetal } from "../quoting-engine/analysis/sheet-metal/recognize-sheet-metal";
import { initCadKernel } from "../quoting-engine/io/cad-kernel";
import { detectFormat } from "../quoting-engine/io/detect-format";
import { readCadModel } from "../quoting-engine/io/read-cad-model";
import { median } from "./median";

const corpus = path.resolve(process.env.CAD_CORPUS ?? "../shared/cad-corpus");
const runs = Number(process.env.BENCH_RUNS ?? 3);
await initCadKernel();
const files = readFileSync(path.join(corpus, "MANIFEST.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split("\t")[0]!)
  .filter((file) => !file.startsWith("bad/"));
const cpuMs = (run: () => void) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
let totalAnalysis = 0;
let totalSheet = 0;
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(path.join(corpus, file)));
  const format = detectFormat(bytes);
  if (!format) continue;
  const read = readCadModel(format, bytes);
  if (!read.ok) continue;
  const measured = analyzeModel(read.value);
  if (!measured.ok) continue;
  const faces = read.value.faces;
  const input = {
    faces,
    mesh: measured.value.displayMesh,
    volumeMm3: measured.value.volumeMm3,
    areaMm2: measured.value.areaMm2,
    closedBodies: measured.value.bodies.filter((body) => body.closed && body.voidOf === undefined).length,
    exactFaces: faces.length > 0 && faces.some((face) => face.type !== "other") && format !== "iges",
  };
  const analysis = median(Array.from({ length: runs }, () => cpuMs(() => analyzeFile(bytes, file))));
  let result = recognizeSheetMetal(input).result;
  const sheet = median(
    Array.from({ length: runs }, () => cpuMs(() => (result = recognizeSheetMetal(input).result))),
  );
  totalAnalysis += analysis;
  totalSheet += sheet;
  console.log(
    [
      file.padEnd(48),
      `${analysis.toFixed(1)} ms`.padStart(11),
      `${sheet.toFixed(2)} ms`.padStart(11),
      `${((100 * sheet) / analysis).toFixed(2)} %`.padStart(9),
      result.ok ? "sheet metal" : result.reason.slice(0, 70),
    ].join("  "),
  );
}
console.log(
  `total: analysis ${totalAnalysis.toFixed(0)} ms CPU, sheet-metal recognition ${totalSheet.toFixed(1)} ms (${((100 * totalSheet) / totalAnalysis).toFixed(2)} %)`,
);
