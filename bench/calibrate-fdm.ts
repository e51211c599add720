// npm run calibrate:fdm — refits the FDM model's calibrated constants (docs/decisions/0035) to the slicer's
// numbers that npm run bench:printing wrote (PRUSA_REFERENCE, default ../printing-corpus/prusa-reference.json).
// Prints the error with the current constants, with constants fitted on every mesh, and with constants fitted
// on every other mesh checked on the rest (overfitting). Needs no slicer; changes nothing: copy the fitted
// numbers into quoting-engine/printing/fdm-machine-classes.ts by hand, with their reason.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { estimateFdmPrint, type FdmMachineSettings } from "../quoting-engine/printing/estimate-fdm-print";
import { defaultFdmMachine } from "../quoting-engine/printing/fdm-machine-classes";
import { measureFdmLayers, type FdmLayerProfile } from "../quoting-engine/printing/measure-fdm-layers";
import { constructedMeshes } from "./printing-meshes/construct-meshes";
import { median } from "./median";

const referenceSchema = z.object({
  files: z.record(
    z.string(),
    z.object({ minutes: z.number().positive(), filamentMm3: z.number().positive() }),
  ),
});
const reference = referenceSchema.parse(
  JSON.parse(
    readFileSync(
      path.resolve(process.env.PRUSA_REFERENCE ?? "../printing-corpus/prusa-reference.json"),
      "utf8",
    ),
  ),
);
const meshes = new Map<string, Uint8Array>();
for (const folder of ["bench/printing-meshes", "tests/fixtures/meshes"])
  for (const name of readdirSync(folder))
    meshes.set(name, new Uint8Array(readFileSync(path.join(folder, name))));
for (const mesh of constructedMeshes()) meshes.set(mesh.fileName, mesh.bytes);

interface Case {
  name: string;
  profile: FdmLayerProfile;
  minutes: number;
  filamentMm3: number;
}
const cases: Case[] = [];
for (const [name, slicer] of Object.entries(reference.files).sort(([a], [b]) => a.localeCompare(b))) {
  const bytes = meshes.get(name);
  if (!bytes) continue;
  const result = analyzeFile(bytes, name, { recognizeFeatures: false });
  if (!("report" in result)) continue;
  const profile = measureFdmLayers(result.displayMesh.positions, result.displayMesh.indices);
  cases.push({ name, profile, minutes: slicer.minutes, filamentMm3: slicer.filamentMm3 });
}

const tuned: (keyof FdmMachineSettings)[] = [
  "travelsPerLoop",
  "travelsPerLayer",
  "travelHopShare",
  "layerChangeSeconds",
  "flowFactor",
  "supportAreaFactor",
  "supportInterfaceAreaFactor",
  "supportDensity",
  "solidInfillBelowAreaMm2",
];
const errorsOf = (machine: FdmMachineSettings, set: Case[]) =>
  set.map((entry) => {
    const estimate = estimateFdmPrint(entry.profile, machine);
    return {
      name: entry.name,
      time: estimate.minutes / entry.minutes - 1,
      filament: estimate.filamentMm3 / entry.filamentMm3 - 1,
    };
  });
/** Squared log errors, plus a steep penalty on the worst file against the targets (20 %, 10 %). */
function loss(machine: FdmMachineSettings, set: Case[]): number {
  let sum = 0;
  let worst = 0;
  for (const { time, filament } of errorsOf(machine, set)) {
    sum += Math.log1p(time) ** 2 + Math.log1p(filament) ** 2;
    worst = Math.max(worst, Math.abs(time) / 0.2, Math.abs(filament) / 0.1);
  }
  return sum / set.length + 0.01 * worst ** 4;
}
/** Coordinate descent with multiplicative steps: few constants, cheap estimates. */
function fit(set: Case[]): FdmMachineSettings {
  let best = { ...defaultFdmMachine };
  let bestLoss = loss(best, set);
  for (let round = 0; round < 6; round++)
    for (const key of tuned)
      for (const factor of [0.5, 0.7, 0.85, 0.95, 1.05, 1.2, 1.4, 2]) {
        const trial = { ...best, [key]: (best[key] || 0.01) * factor };
        const trialLoss = loss(trial, set);
        if (trialLoss < bestLoss) [best, bestLoss] = [trial, trialLoss];
      }
  return best;
}
function summary(label: string, machine: FdmMachineSettings, set: Case[]): void {
  const errors = errorsOf(machine, set);
  const time = errors.map((error) => Math.abs(error.time) * 100);
  const filament = errors.map((error) => Math.abs(error.filament) * 100);
  console.log(
    `${label} (${set.length} meshes): time median ${median(time).toFixed(1)} %, worst ${Math.max(...time).toFixed(1)} %, ${time.filter((error) => error <= 20).length} within 20 %; filament median ${median(filament).toFixed(1)} %, worst ${Math.max(...filament).toFixed(1)} %, ${filament.filter((error) => error <= 10).length} within 10 %`,
  );
}
const constants = (machine: FdmMachineSettings): string =>
  tuned.map((key) => `${key} ${Number(machine[key].toPrecision(3))}`).join(", ");

summary("current constants", defaultFdmMachine, cases);
const all = fit(cases);
summary("fitted on all", all, cases);
console.log(`  ${constants(all)}`);
const even = cases.filter((_, index) => index % 2 === 0);
const odd = cases.filter((_, index) => index % 2 === 1);
const half = fit(even);
summary("fitted on every other mesh", half, even);
summary("  checked on the others", half, odd);
console.log(`  ${constants(half)}`);
