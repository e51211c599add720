// npm run bench:engine — the engine against the CAD corpus's ground truth, and its speed.
// Prints a table per file and a summary of the targets of the reading-and-measuring and the features issues.
// CAD_CORPUS points at the corpus (default ../shared/cad-corpus); BENCH_RUNS sets timed runs per file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { loadIgesKernel } from "../quoting-engine/io/cad-kernel";
import type { AnalysisReport } from "../quoting-engine/analysis/analyze-file";
import { compareProcesses } from "../quoting-engine/pricing/compare-processes";
import { defaultPricingData } from "../quoting-engine/pricing/default-pricing-data";
import { manufacturingProcesses } from "../quoting-engine/catalogue/catalogue";
import { quotePart } from "../quoting-engine/pricing/quote-part";
import { parseTruth } from "./corpus-truth";
import { median } from "./median";
import { checkFaceFamilies, checkFeatures, featureChecks, featureMisses } from "./feature-checks";
import { sphereStl } from "./sphere-stl";

const corpus = path.resolve(process.env.CAD_CORPUS ?? "../shared/cad-corpus");
const runs = Number(process.env.BENCH_RUNS ?? 3);

await loadIgesKernel();
const manifest = readFileSync(path.join(corpus, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1);
// IGES and BREP files without ground truth of their own hold the same model as a STEP file that has it.
const sameModelAs: Record<string, string> = {
  "iges/occt_cube10x10.igs": "step/occt_cube10x10.stp",
  "brep/occt_as1_pe_203.brep": "step/caxif_as1_pe_203_assembly.stp",
};
const truthOf = (file: string) => manifest.find((line) => line.startsWith(`${file}\t`))?.split("\t")[5] ?? "";
const rows: string[][] = [];
// NIST parts: analysis time with and without feature recognition (medians), for the share it adds.
const recognitionCost: { file: string; withMs: number; withoutMs: number }[] = [];
const reports = new Map<string, AnalysisReport>();
const stepSpeeds: number[] = [];
const misses: string[] = [];
let peakRssMb = 0;

for (const line of manifest) {
  const [file = "", , , , , truthText = ""] = line.split("\t");
  if (file.startsWith("bad/")) continue;
  const bytes = new Uint8Array(readFileSync(path.join(corpus, file)));
  analyzeFile(bytes, path.basename(file)); // warm-up: first run pays for JIT and kernel set-up
  const times: number[] = [];
  let result = analyzeFile(bytes, path.basename(file));
  for (let run = 0; run < runs; run++) {
    const startedAt = performance.now();
    result = analyzeFile(bytes, path.basename(file));
    times.push(performance.now() - startedAt);
  }
  peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1e6);
  const ms = median(times);
  const megabytesPerSecond = bytes.length / 1e6 / (ms / 1000);
  if (!("report" in result)) {
    rows.push([
      file,
      `${(bytes.length / 1e3).toFixed(0)} kB`,
      result.error.code,
      "",
      "",
      "",
      "",
      ms.toFixed(1),
      "",
    ]);
    misses.push(`${file}: ${result.error.code}`);
    continue;
  }
  const report = result.report;
  reports.set(file, report);
  if (report.file.format === "step") stepSpeeds.push(megabytesPerSecond);
  const truth = parseTruth(sameModelAs[file] ? truthOf(sameModelAs[file]) : truthText);
  const relative = (value: number, expected?: number) =>
    expected ? Math.abs(value - expected) / expected : undefined;
  const size = report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!);
  const volumeError = relative(report.volumeMm3, truth?.volumeMm3);
  const areaError = relative(report.areaMm2, truth?.areaMm2);
  const sizeError = truth?.sizeMm
    ? Math.max(...size.map((value, axis) => Math.abs(value - (truth.sizeMm?.[axis] ?? value))))
    : undefined;
  const closedBodies = report.bodies.filter((body) => body.closed).length;
  const volumeLimit = truth?.exactGeometry ? 0.0005 : 0.002;
  if (volumeError !== undefined && volumeError > volumeLimit)
    misses.push(`${file}: volume off by ${(volumeError * 100).toFixed(3)} %`);
  if (areaError !== undefined && areaError > 0.002)
    misses.push(`${file}: area off by ${(areaError * 100).toFixed(3)} %`);
  if (truth?.exactGeometry && sizeError !== undefined && sizeError > 0.01)
    misses.push(`${file}: size off by ${sizeError.toFixed(4)} mm`);
  if (truth?.bodies !== undefined && truth.bodies !== closedBodies)
    misses.push(`${file}: ${closedBodies} bodies, expected ${truth.bodies}`);
  checkFeatures(file, truthText, report);
  checkFaceFamilies(file, truthText, report.features.faceFamilies);
  if (path.basename(file).startsWith("nist_")) {
    const without: number[] = [];
    for (let run = 0; run < runs; run++) {
      const startedAt = performance.now();
      analyzeFile(bytes, path.basename(file), { recognizeFeatures: false });
      without.push(performance.now() - startedAt);
    }
    recognitionCost.push({ file, withMs: ms, withoutMs: median(without) });
  }
  rows.push([
    file,
    `${(bytes.length / 1e3).toFixed(0)} kB`,
    "ok",
    volumeError === undefined ? "-" : `${(volumeError * 100).toFixed(4)} %`,
    areaError === undefined ? "-" : `${(areaError * 100).toFixed(4)} %`,
    sizeError === undefined ? "-" : sizeError.toFixed(4),
    `${closedBodies}${truth?.bodies !== undefined ? `/${truth.bodies}` : ""}`,
    ms.toFixed(1),
    megabytesPerSecond.toFixed(2),
  ]);
}

// A million-triangle binary STL (closed UV sphere, r = 50 mm), generated here.
const sphere = sphereStl(1_000_000);
analyzeFile(sphere.bytes, "sphere.stl");
const sphereTimes: number[] = [];
const sphereWithFeatureTimes: number[] = [];
let sphereVolume = 0;
for (let run = 0; run < runs; run++) {
  let startedAt = performance.now();
  const result = analyzeFile(sphere.bytes, "sphere.stl", { recognizeFeatures: false });
  sphereTimes.push(performance.now() - startedAt);
  if ("report" in result) sphereVolume = result.report.volumeMm3;
  startedAt = performance.now();
  analyzeFile(sphere.bytes, "sphere.stl");
  sphereWithFeatureTimes.push(performance.now() - startedAt);
}
peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1e6);

const header = [
  "file",
  "size",
  "result",
  "volume err",
  "area err",
  "bbox err mm",
  "bodies",
  "ms (median)",
  "MB/s",
];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
);
const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
console.log(format(header));
console.log(widths.map((width) => "-".repeat(width)).join("  "));
for (const row of rows) console.log(format(row));

const stepMedian = stepSpeeds.length ? median(stepSpeeds) : 0;
const sphereMs = median(sphereTimes);
console.log("\nSummary");
console.log(
  `  files analysed:                 ${rows.filter((row) => row[2] === "ok").length} of ${rows.length}`,
);
console.log(`  accuracy misses:                ${misses.length === 0 ? "none" : ""}`);
for (const miss of misses) console.log(`    - ${miss}`);
console.log(
  `  STEP median speed:              ${stepMedian.toFixed(2)} MB/s over ${stepSpeeds.length} files (target >= 2 MB/s)`,
);
console.log(
  `  1M-triangle binary STL:         ${sphereMs.toFixed(0)} ms to read and measure ${sphere.triangles} triangles (target < 1000 ms), volume ${sphereVolume.toFixed(0)} mm³`,
);
console.log(
  `                                  ${median(sphereWithFeatureTimes).toFixed(0)} ms with feature recognition and wall thickness`,
);
console.log(`  peak memory (RSS):              ${peakRssMb.toFixed(0)} MB`);
const ratio = (part: number, whole: number) => (whole === 0 ? "-" : (part / whole).toFixed(3));
console.log(
  `  holes on synth_* parts:         precision ${ratio(featureChecks.holesMatched, featureChecks.holesFound)}, recall ${ratio(featureChecks.holesMatched, featureChecks.holesExpected)} (target 0.98; diameter 0.01 mm, depth 0.05 mm, through/blind)`,
);
console.log(
  `  fillets on synth_* parts:       ${featureChecks.filletsMatched} of ${featureChecks.filletsExpected} found with the right radius`,
);
console.log(
  `  turnable on synth_* parts:      ${featureChecks.turnableRight} of ${featureChecks.turnableChecked} right`,
);
for (const miss of featureMisses) console.log(`    - ${miss}`);
console.log(
  `  minimum wall on synth_* parts:  ${featureChecks.wallsRight} of ${featureChecks.wallsChecked} within 0.05 mm`,
);
console.log(
  `  setups on synth_* parts:        ${featureChecks.setupsRight} of ${featureChecks.setupsChecked} exact (target 95 %)`,
);
console.log(
  `  undercut on synth_* parts:      ${featureChecks.undercutRight} of ${featureChecks.undercutChecked} right (target all)`,
);
console.log(
  `  MFCAD face families:            ${featureChecks.familyRight} of ${featureChecks.familyFaces} faces right, ${ratio(featureChecks.familyRight, featureChecks.familyFaces)} (target 0.90)`,
);
for (const { file, withMs, withoutMs } of recognitionCost)
  console.log(
    `  recognition on ${path.basename(file).padEnd(32)} +${(((withMs - withoutMs) / withoutMs) * 100).toFixed(0)} % (${withoutMs.toFixed(0)} → ${withMs.toFixed(0)} ms; target at most +30 %)`,
  );

// Prices: every corpus part in every process (its cheapest material, 10 pieces, standard date).
const today = "2026-11-23";
const processColumns = manufacturingProcesses;
console.log(
  '\nPrices, euros per part for 10 pieces (buyer; standard delivery; cheapest material; "manual" = needs a person)',
);
const priceRows = [...reports].map(([file, report]) => {
  const comparison = compareProcesses(report, { quantity: 10, today }, defaultPricingData);
  return [
    file,
    ...processColumns.map((process) => {
      const quote = comparison.priced.find((candidate) => candidate.process === process);
      if (quote) return (quote.buyer.unitPriceCents / 100).toFixed(2);
      return comparison.manual.some((candidate) => candidate.process === process) ? "manual" : "-";
    }),
  ];
});
const priceHeader = ["file", ...processColumns];
const priceWidths = priceHeader.map((title, column) =>
  Math.max(title.length, ...priceRows.map((row) => (row[column] ?? "").length)),
);
const priceLine = (row: string[]) =>
  row
    .map((cell, column) =>
      column === 0 ? cell.padEnd(priceWidths[column]!) : cell.padStart(priceWidths[column]!),
    )
    .join("  ");
console.log(priceLine(priceHeader));
for (const row of priceRows) console.log(priceLine(row));

// Re-pricing one part for every option combination: the time a buyer waits after changing an option.
const plate = reports.get("step/synth_plate_4thru_1blind.step");
if (plate) {
  const timings: number[] = [];
  for (const process of manufacturingProcesses) {
    const materials = defaultPricingData.materials.filter((material) => material.processes.includes(process));
    const finishes = defaultPricingData.finishes.filter((finish) => finish.processes.includes(process));
    for (const material of materials)
      for (const finish of finishes) {
        if (finish.materialCodes && !finish.materialCodes.includes(material.code)) continue;
        for (const tolerance of ["coarse", "medium", "fine"] as const)
          for (const quantity of [1, 5, 10, 25, 50, 100, 250, 500, 1000])
            for (const deliveryDate of [undefined, "2027-01-15", "2027-03-01"]) {
              const startedAt = performance.now();
              quotePart(
                plate,
                {
                  process,
                  materialCode: material.code,
                  finishCode: finish.code,
                  tolerance,
                  quantity,
                  today,
                  ...(deliveryDate ? { deliveryDate } : {}),
                },
                defaultPricingData,
              );
              timings.push(performance.now() - startedAt);
            }
      }
  }
  timings.sort((a, b) => a - b);
  const percentile = (share: number) =>
    timings[Math.min(timings.length - 1, Math.floor(share * timings.length))]!;
  console.log(
    `\n  re-pricing synth_plate_4thru_1blind: ${timings.length} option combinations, median ${percentile(0.5).toFixed(3)} ms, 95th percentile ${percentile(0.95).toFixed(3)} ms per price (target at most 2 ms)`,
  );
}
