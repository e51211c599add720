// An analysis worker's memory (resident set) after warm-up: what loading the engine and its CAD kernels
// adds to a process, measured in a process of its own. Run by `npm run bench:mesh`; alone:
// `npx tsx bench/worker-memory.ts`. It does what a worker does at start (initCadKernel()), analyses a
// 2 MB STEP file and a 1 M-triangle STL twice each (warm), then an IGES file, collecting garbage before
// each reading. CAD_CORPUS points at the corpus (default ../shared/cad-corpus).
import { readFileSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { initCadKernel } from "../quoting-engine/io/cad-kernel";
import { prepareCadKernel } from "../quoting-engine/io/prepare-cad-kernel";
import { torusStl } from "./torus-stl";

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const corpus = path.resolve(process.env.CAD_CORPUS ?? "../shared/cad-corpus");
const rssMb = () => {
  collect();
  collect();
  return process.memoryUsage().rss / 1e6;
};

const analyse = async (bytes: Uint8Array, name: string) => {
  await prepareCadKernel(bytes);
  const result = analyzeFile(bytes, name);
  if (!("report" in result)) throw new Error(`${name}: ${result.error.message}`);
};

const baseline = rssMb();
await initCadKernel();
const loaded = rssMb();
const step = new Uint8Array(readFileSync(path.join(corpus, "step/nist_ftc_06_asme1_ap242-e2.stp")));
const mesh = torusStl(1_000_000).bytes;
for (let run = 0; run < 2; run++) {
  await analyse(step, "nist_ftc_06.stp");
  await analyse(mesh, "torus.stl");
}
const warm = rssMb();
await analyse(new Uint8Array(readFileSync(path.join(corpus, "iges/occt_cube10x10.igs"))), "cube.igs");
const afterIges = rssMb();
const line = (label: string, value: number) =>
  `  ${label.padEnd(54)}${value.toFixed(0).padStart(5)} MB  (+${(value - baseline).toFixed(0)} MB over the engine alone)`;
console.log(
  [
    "Analysis worker memory (RSS of a process doing what one worker does; garbage collected first):",
    line("engine code loaded, no kernel", baseline),
    line("after initCadKernel() (what a worker loads at start)", loaded),
    line("warm: a 2 MB STEP and a 1 M-triangle STL, twice each", warm),
    line("after an IGES file as well", afterIges),
  ].join("\n"),
);
