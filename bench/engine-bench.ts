// npm run bench:engine — the engine against the CAD corpus's ground truth, and its speed.
// Prints a table per file and a summary of the targets of the reading-and-measuring and the features issues.
// CAD_CORPUS points at the corpus (default ../shared/cad-corpus); BENCH_RUNS sets timed runs per file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { initCadKernel } from "../quoting-engine/io/cad-kernel";
import type { AnalysisReport } from "../quoting-engine/analysis/analyze-file";
import { compareProcesses } from "../quoting-engine/pricing/compare-processes";
import { defaultPricingData } from "../quoting-engine/pricing/default-pricing-data";
import { manufacturingProcesses } from "../quoting-engine/catalogue/catalogue";
import { quotePart } from "../quoting-engine/pricing/quote-part";

const corpus = path.resolve(process.env.CAD_CORPUS ?? "../shared/cad-corpus");
const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Truth {
  volumeMm3?: number;
  areaMm2?: number;
  sizeMm?: number[];
  bodies?: number;
  exactGeometry: boolean;
}

function parseTruth(text: string): Truth | undefined {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const list = (pattern: RegExp) => pattern.exec(text)?.[1]?.split(",").map(Number);
  const brep = /derived\(OCCT exact B-rep, solids only\):([^|]*)/.exec(text)?.[1];
  if (brep) {
    return {
      volumeMm3: number(/analyticVolume=([\d.e+-]+)/) ?? Number(/V=([\d.e+-]+)/.exec(brep)?.[1]),
      areaMm2: Number(/A=([\d.e+-]+)/.exec(brep)?.[1]),
      sizeMm: /bboxSize=\[([^\]]+)\]/.exec(brep)?.[1]?.split(",").map(Number),
      bodies: Number(/solids=(\d+)/.exec(brep)?.[1]),
      exactGeometry: true,
    };
  }
  const mesh = /derived\(mesh[^)]*\):([^|]*)/.exec(text)?.[1];
  if (mesh) {
    // The loader's volume of an open mesh is not the part's volume (we close the holes): compare area and size only.
    const open = Number(/boundaryEdges=(\d+)/.exec(mesh)?.[1] ?? 0) > 0;
    return {
      volumeMm3: open ? undefined : Number(/V=([\d.e+-]+)/.exec(mesh)?.[1]),
      areaMm2: Number(/A=([\d.e+-]+)/.exec(mesh)?.[1]),
      sizeMm: list(/size=\[([^\]]+)\]/),
      exactGeometry: false,
    };
  }
  return undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * MFCAD's class ids in its own order: chamfer first, stock last. The corpus MANIFEST names the ids in a
 * different order (rectangular_through_slot first), which its own geometry contradicts: class 1 holds
 * three walls closing a triangle right through the part (a triangular passage, not a slot), class 11
 * six walls around a floor (a 6-sided pocket), class 0 a lone 45° bevel (a chamfer). So the ids are
 * read with MFCAD's order, and each class counts for its family.
 */
const mfcadFamilies = [
  "chamfer", // chamfer
  "passage", // triangular_passage
  "passage", // rectangular_passage
  "passage", // 6sides_passage
  "slot", // triangular_through_slot
  "slot", // rectangular_through_slot
  "step", // rectangular_through_step
  "step", // 2sides_through_step
  "step", // slanted_through_step
  "pocket", // triangular_pocket
  "pocket", // rectangular_pocket
  "pocket", // 6sides_pocket
  "slot", // rectangular_blind_slot
  "step", // triangular_blind_step
  "step", // rectangular_blind_step
  "stock", // stock
];

await initCadKernel();
const manifest = readFileSync(path.join(corpus, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1);
// IGES and BREP files without ground truth of their own hold the same model as a STEP file that has it.
const sameModelAs: Record<string, string> = {
  "iges/occt_cube10x10.igs": "step/occt_cube10x10.stp",
  "brep/occt_as1_pe_203.brep": "step/caxif_as1_pe_203_assembly.stp",
};
const truthOf = (file: string) => manifest.find((line) => line.startsWith(`${file}\t`))?.split("\t")[5] ?? "";
const rows: string[][] = [];
const featureChecks = {
  wallsChecked: 0,
  wallsRight: 0,
  holesExpected: 0,
  holesFound: 0,
  holesMatched: 0,
  turnableRight: 0,
  turnableChecked: 0,
  filletsExpected: 0,
  filletsMatched: 0,
  setupsChecked: 0,
  setupsRight: 0,
  undercutChecked: 0,
  undercutRight: 0,
  familyFaces: 0,
  familyRight: 0,
};
// NIST parts: analysis time with and without feature recognition (medians), for the share it adds.
const recognitionCost: { file: string; withMs: number; withoutMs: number }[] = [];
const featureMisses: string[] = [];
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

interface HoleTruth {
  d: number;
  depth: number;
  through: boolean;
  n: number;
}

/** Compares recognised features with the constructed parts' ground truth (the JSON in MANIFEST.tsv). */
function checkFeatures(
  file: string,
  truthText: string,
  report: {
    features: {
      holes: { diameterMm: number; depthMm: number; through: boolean }[];
      fillets: { radiusMm: number; convex: boolean }[];
      turnable: boolean;
      setups: number[][];
      undercut: boolean;
    };
  },
): void {
  if (!file.startsWith("step/synth_")) return;
  const json = /; (\{"features".*?\}) \| derived/.exec(truthText)?.[1];
  if (!json) return;
  const truth = JSON.parse(json) as {
    holes?: HoleTruth[];
    fillets?: { r: number; n: number; convex: boolean }[];
    process?: string;
    setups?: number;
    accessDirs?: string[];
    undercut?: boolean;
  };
  const expected = (truth.holes ?? []).flatMap((hole) => Array.from({ length: hole.n }, () => hole));
  const found = [...report.features.holes];
  featureChecks.holesExpected += expected.length;
  featureChecks.holesFound += found.length;
  for (const hole of expected) {
    const index = found.findIndex(
      (candidate) =>
        Math.abs(candidate.diameterMm - hole.d) <= 0.01 &&
        Math.abs(candidate.depthMm - hole.depth) <= 0.05 &&
        candidate.through === hole.through,
    );
    if (index >= 0) {
      featureChecks.holesMatched++;
      found.splice(index, 1);
    } else
      featureMisses.push(
        `${file}: hole d${hole.d} depth ${hole.depth} ${hole.through ? "through" : "blind"} not found`,
      );
  }
  for (const extra of found)
    featureMisses.push(
      `${file}: extra hole d${extra.diameterMm.toFixed(2)} depth ${extra.depthMm.toFixed(2)}`,
    );
  for (const fillet of truth.fillets ?? []) {
    featureChecks.filletsExpected += fillet.n;
    featureChecks.filletsMatched += Math.min(
      fillet.n,
      report.features.fillets.filter(
        (candidate) => Math.abs(candidate.radiusMm - fillet.r) <= 0.01 && candidate.convex === fillet.convex,
      ).length,
    );
  }
  const thinnest = (truth as { thinWalls?: { t: number }[] }).thinWalls?.reduce(
    (min, wall) => Math.min(min, wall.t),
    Infinity,
  );
  if (thinnest !== undefined && Number.isFinite(thinnest)) {
    featureChecks.wallsChecked++;
    const measured = (report.features as { minWallMm?: number }).minWallMm;
    if (measured !== undefined && Math.abs(measured - thinnest) <= 0.05) featureChecks.wallsRight++;
    else featureMisses.push(`${file}: minimum wall ${measured?.toFixed(3)} mm, expected ${thinnest}`);
  }
  if (truth.setups !== undefined) {
    // The count, and where the truth names them, the directions (its first `setups` access directions).
    const named = (truth.accessDirs ?? []).slice(0, truth.setups).map((label) => {
      const [, sign, axis] = /^([+-])([XYZ])/.exec(label) ?? [];
      const direction = [0, 0, 0];
      direction["XYZ".indexOf(axis ?? "Z")] = sign === "-" ? -1 : 1;
      return direction.join(",");
    });
    const found = report.features.setups.map((direction) =>
      direction.map((value) => Math.round(value) + 0).join(","),
    );
    const right = found.length === truth.setups && named.every((direction) => found.includes(direction));
    featureChecks.setupsChecked++;
    if (right) featureChecks.setupsRight++;
    else
      featureMisses.push(`${file}: setups ${found.join(" ")}, expected ${truth.setups} (${named.join(" ")})`);
  }
  featureChecks.undercutChecked++;
  if (report.features.undercut === (truth.undercut ?? false)) featureChecks.undercutRight++;
  else
    featureMisses.push(`${file}: undercut ${report.features.undercut}, expected ${truth.undercut ?? false}`);
  const shouldTurn = /turning/.test(truth.process ?? "");
  featureChecks.turnableChecked++;
  if (report.features.turnable === shouldTurn) featureChecks.turnableRight++;
  else featureMisses.push(`${file}: turnable ${report.features.turnable}, expected ${shouldTurn}`);
}

/** Per-face labels of the MFCAD parts against the family recognised for each face (same face order). */
function checkFaceFamilies(file: string, truthText: string, families: string[]): void {
  const labels = /order \(class ids, names in report\): (\[[^\]]*\])/.exec(truthText)?.[1];
  if (!labels) return;
  const expected = (JSON.parse(labels) as number[]).map((id) => mfcadFamilies[id]);
  if (expected.length !== families.length)
    featureMisses.push(`${file}: ${families.length} faces read, ${expected.length} labelled`);
  expected.forEach((family, face) => {
    featureChecks.familyFaces++;
    if (families[face] === family) featureChecks.familyRight++;
    else featureMisses.push(`${file}: face ${face} is ${families[face]}, labelled ${family}`);
  });
}

function sphereStl(targetTriangles: number): { bytes: Uint8Array; triangles: number } {
  const rings = Math.round(Math.sqrt(targetTriangles / 2));
  const segments = rings;
  const radius = 50;
  const point = (ring: number, segment: number): [number, number, number] => {
    if (ring === 0) return [0, 0, radius];
    if (ring === rings) return [0, 0, -radius];
    const theta = (Math.PI * ring) / rings;
    const phi = (2 * Math.PI * (segment % segments)) / segments;
    return [
      radius * Math.sin(theta) * Math.cos(phi),
      radius * Math.sin(theta) * Math.sin(phi),
      radius * Math.cos(theta),
    ];
  };
  const triangles: [number, number, number][][] = [];
  for (let ring = 0; ring < rings; ring++) {
    for (let segment = 0; segment < segments; segment++) {
      const a = point(ring, segment),
        b = point(ring + 1, segment),
        c = point(ring + 1, segment + 1),
        d = point(ring, segment + 1);
      if (ring !== rings - 1) triangles.push([a, b, c]);
      if (ring !== 0) triangles.push([a, c, d]);
    }
  }
  const bytes = new Uint8Array(84 + 50 * triangles.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(80, triangles.length, true);
  triangles.forEach((triangle, index) => {
    triangle.forEach((corner, cornerIndex) =>
      corner.forEach((value, axis) =>
        view.setFloat32(84 + index * 50 + 12 + cornerIndex * 12 + axis * 4, value, true),
      ),
    );
  });
  return { bytes, triangles: triangles.length };
}

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
