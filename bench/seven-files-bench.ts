// npm run bench:seven — seven files dropped at once by one buyer (issue 22: "one 2 MB, six under 200 KB:
// every small file priced ≤ 1.5 s, all ≤ 4 s"), against the app (bench/bench-app.ts, or BENCH_URL).
// Each file goes up over the API at the same moment, is polled until analysed and priced once, as the
// storefront's upload rows do; bytes are made unique so nothing is priced from an earlier analysis.
// The reference, in the same run before the drops: each of the seven dropped alone on the idle app.
// BENCH_SEVEN_ROUNDS (default 3) drops, a new visitor each; the verdict takes the median round.
// CAD_CORPUS points at the corpus (default ../shared/cad-corpus).
import { readFileSync } from "node:fs";
import path from "node:path";
import { benchAppAt } from "./bench-app";
import { newBuyer, partOptionsFor } from "./bench-buyer";
import { median } from "./median";
import { formatMs, reportTarget, runBench } from "./target-result";
import { uniqueCadBytes } from "./unique-cad-bytes";

const corpus = path.resolve(process.env.CAD_CORPUS ?? "../shared/cad-corpus");
const rounds = Number(process.env.BENCH_SEVEN_ROUNDS ?? 3);
const smallTargetMs = 1500;
const allTargetMs = 4000;
const files = [
  path.join(corpus, "step/nist_ftc_06_asme1_ap242-e2.stp"),
  ...[
    "synth_plate_4thru_1blind.step",
    "mfcad_2-3-5-11-14-23.step",
    "synth_turned_stepped_shaft.step",
    "synth_block_2pockets_bottomslot.step",
    "threejs_colored_binary.stl",
    "synth_plate_4thru_1blind_binary.stl",
  ].map((name) => path.resolve("tests/fixtures/cad", name)),
].map((file) => ({ name: path.basename(file), bytes: readFileSync(file) }));
const small = (file: (typeof files)[number]) => file.bytes.length < 200_000;
if (files.filter(small).length !== 6) throw new Error("The bench needs one big file and six under 200 KB.");

/** Drops the files at once as a new visitor: ms from the drop to each file's first price, in file order. */
async function drop(baseUrl: string, chosen: typeof files, tag: string): Promise<number[]> {
  const buyer = newBuyer(baseUrl, Date.now() + 120_000);
  await buyer.open();
  const startedAt = performance.now();
  return Promise.all(
    chosen.map(async (file, index) => {
      const bytes = new Uint8Array(uniqueCadBytes(file.name, file.bytes, `${tag}-${index}-${Date.now()}`));
      const part = await buyer.upload(file.name, bytes);
      const options = partOptionsFor(file.name);
      await buyer.price(part.id, {
        process: options.process,
        materialCode: options.materials[0],
        quantity: 1,
      });
      return performance.now() - startedAt;
    }),
  );
}

async function main() {
  const app = await benchAppAt(process.env.BENCH_URL, {
    name: "seven-files-bench",
    port: Number(process.env.BENCH_PORT ?? 3270),
    postgresPort: Number(process.env.BENCH_POSTGRES_PORT ?? 54470),
  });
  try {
    // Warm-up: the analysis workers load their CAD kernels on their first file.
    await drop(app.baseUrl, [files[1]!], "warm");
    const alone: number[] = [];
    for (const file of files) alone.push((await drop(app.baseUrl, [file], "alone"))[0]!);
    const results: { smallWorstMs: number; allMs: number }[] = [];
    console.log(
      `Seven files dropped at once, ${rounds} rounds (ms from the drop to each file's first price):\n`,
    );
    console.log(
      `${"file".padEnd(40)}${"size".padStart(10)}${"alone".padStart(8)}${[...Array(rounds).keys()].map((round) => `round ${round + 1}`.padStart(9)).join("")}`,
    );
    const perRound: number[][] = [];
    for (let round = 0; round < rounds; round++) {
      const times = await drop(app.baseUrl, files, `round${round}`);
      perRound.push(times);
      results.push({
        smallWorstMs: Math.max(...times.filter((_, index) => small(files[index]!))),
        allMs: Math.max(...times),
      });
    }
    files.forEach((file, index) =>
      console.log(
        `${file.name.padEnd(40)}${`${(file.bytes.length / 1000).toFixed(0)} kB`.padStart(10)}${alone[index]!.toFixed(0).padStart(8)}` +
          perRound.map((times) => times[index]!.toFixed(0).padStart(9)).join(""),
      ),
    );
    const smallWorstMs = median(results.map((result) => result.smallWorstMs));
    const allMs = median(results.map((result) => result.allMs));
    const pass = smallWorstMs <= smallTargetMs && allMs <= allTargetMs;
    const smallAloneMs = Math.max(...alone.filter((_, index) => small(files[index]!)));
    console.log(
      `\nMedian round: the slowest small file priced after ${formatMs(smallWorstMs)} (target ≤ ${formatMs(smallTargetMs)}), ` +
        `all seven after ${formatMs(allMs)} (target ≤ ${formatMs(allTargetMs)}) — ${pass ? "PASS" : "FAIL"}`,
    );
    reportTarget({
      measure: `seven files dropped at once (one 2 MB, six under 200 KB), median of ${rounds} rounds`,
      value: `small ≤ ${formatMs(smallWorstMs)}, all ${formatMs(allMs)}`,
      reference: `each alone: slowest small ${formatMs(smallAloneMs)}, 2 MB ${formatMs(alone[0]!)}`,
      target: `small ≤ ${formatMs(smallTargetMs)}, all ≤ ${formatMs(allTargetMs)}`,
      pass,
    });
  } finally {
    await app.stop();
  }
}

runBench(main);
