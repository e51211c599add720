// npm run bench:load — many buyers at once against the running app: LOAD_BUYERS simulated buyers (default
// 50), each a visitor of its own (its own cookie), drop 3 real CAD files from tests/fixtures/cad/ at once,
// wait for each file's first price, then keep changing material and quantity on their parts until
// LOAD_SECONDS (default 60) have passed, at least 5 times each. Prints first-price and re-price percentiles (p50/p90/p99) and
// every kind of error. Issue 22's target: re-price p95 ≤ 150 ms with no errors at 50 buyers; the
// reference, measured first in the same run, is one buyer re-pricing alone on the idle app.
// LOAD_MODE=uploads: the buyers keep uploading instead (issue 22: "30 buyers uploading for a minute,
// upload → analysed p95 ≤ 5 s"): each uploads a file, waits until it is analysed, pauses
// LOAD_UPLOAD_PAUSE_SECONDS (default 3–7 s, as a person choosing the next file) and uploads the next,
// until LOAD_SECONDS; the reference is one file uploaded alone on the idle app.
//
// Against LOAD_URL when set (e.g. http://localhost:3000 of an `npm start`; its visitor upload quotas
// must allow 3 files per buyer from one address: UPLOAD_VISITOR_FILES_PER_HOUR). Otherwise it starts
// `npm start` itself on LOAD_PORT (default 3260) with a fresh embedded PostgreSQL on
// LOAD_POSTGRES_PORT (default 54460) and raised visitor quotas, and stops it at the end (its log in
// .data/load-bench-app.log says what an HTTP 500 was). A file not analysed LOAD_GRACE_SECONDS (120)
// after the end counts as an error.
// Each upload's bytes are made unique (a STEP header's file name, a binary STL's header) so every file
// is analysed, not reused from an identical upload; LOAD_SAME_FILES=1 uploads the files as they are.
// Plain fetch (undici) rather than a load tool: the buyers' steps depend on each other (upload, poll
// until analysed, price, change options), which request-rate tools such as autocannon do not model.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchAppAt } from "./bench-app";
import { newBuyer, partOptionsFor, type BenchBuyer } from "./bench-buyer";
import { formatMs, reportTarget, runBench } from "./target-result";
import { uniqueCadBytes } from "./unique-cad-bytes";

const buyers = Number(process.env.LOAD_BUYERS ?? 50);
const durationMs = Number(process.env.LOAD_SECONDS ?? 60) * 1000;
const port = Number(process.env.LOAD_PORT ?? 3260);
let baseUrl = "";
const sameFiles = process.env.LOAD_SAME_FILES === "1";
const uploadsMode = process.env.LOAD_MODE === "uploads";
/** How long after the end a buyer still waits for a file's analysis before counting it an error. */
const graceMs = Number(process.env.LOAD_GRACE_SECONDS ?? 120) * 1000;
const [pauseMinSeconds, pauseMaxSeconds] = (process.env.LOAD_UPLOAD_PAUSE_SECONDS ?? "3-7")
  .split("-")
  .map(Number) as [number, number];
/** A buyer's pause between two option changes, as a person reads the new price (0.5–1.5 s). */
const thinkMs = () => 500 + Math.random() * 1000;

const fixtures = [
  "mfcad_2-3-5-11-14-23.step",
  "synth_plate_4thru_1blind_binary.stl",
  "synth_turned_stepped_shaft.step",
  "synth_block_2pockets_bottomslot.step",
  "threejs_colored_binary.stl",
  "synth_cube20.step",
  "mfcad_0-1-6-8-13-23.step",
  "synth_plate_4thru_1blind.step",
  "occt_rounded_cube.step",
].map((name) => ({ name, bytes: readFileSync(path.join("tests/fixtures/cad", name)) }));

const quantities = [1, 2, 5, 10, 25, 50, 100, 250];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** The file's bytes, changed where the geometry does not care, so that no two uploads share a hash. */
function uniqueBytes(fixture: { name: string; bytes: Buffer }, tag: string): Buffer {
  return sameFiles ? fixture.bytes : uniqueCadBytes(fixture.name, fixture.bytes, tag);
}

interface Stats {
  firstPriceMs: number[];
  repriceMs: number[];
  /** Upload sent → the part analysed (LOAD_MODE=uploads). */
  analysedMs: number[];
  errors: Map<string, number>;
}

function recordError(stats: Stats, kind: string): void {
  stats.errors.set(kind, (stats.errors.get(kind) ?? 0) + 1);
}

type PartKind = ReturnType<typeof partOptionsFor>;

/** One fixture uploaded with unique bytes and awaited until analysed, with the options of its kind. */
async function upload(client: BenchBuyer, fixture: (typeof fixtures)[number], tag: string) {
  const kind = partOptionsFor(fixture.name);
  return { ...(await client.upload(fixture.name, new Uint8Array(uniqueBytes(fixture, tag)))), kind };
}

/** A new buyer with its visitor session, or undefined (the error counted) when the session failed. */
async function openBuyer(deadline: number, stats: Stats): Promise<BenchBuyer | undefined> {
  const client = newBuyer(baseUrl, deadline + graceMs);
  try {
    await client.open();
    return client;
  } catch (error) {
    recordError(stats, `visitor session: ${(error as Error).message}`);
    return undefined;
  }
}

/** Drops 3 files at once, prices each when analysed, then changes options until the deadline. */
async function runRepricingBuyer(buyer: number, deadline: number, stats: Stats): Promise<void> {
  const client = await openBuyer(deadline, stats);
  if (!client) return;
  const files = [0, 1, 2].map((offset) => fixtures[(buyer * 3 + offset) % fixtures.length]!);
  const dropOne = async (fixture: (typeof fixtures)[number], index: number) => {
    const part = await upload(client, fixture, `b${buyer}-f${index}-${Date.now()}`);
    await client.price(part.id, {
      process: part.kind.process,
      materialCode: part.kind.materials[0],
      quantity: 1,
    });
    stats.firstPriceMs.push(performance.now() - part.startedAt);
    return part;
  };
  const parts: { id: string; kind: PartKind }[] = [];
  const settle = async (drop: Promise<{ id: string; kind: PartKind }>) => {
    try {
      parts.push(await drop);
    } catch (error) {
      recordError(stats, `first price: ${(error as Error).message}`);
    }
  };
  await Promise.all(files.map((fixture, index) => settle(dropOne(fixture, index))));

  // Until the end, and at least 5 changes, so a buyer whose files were priced late still measures some.
  for (let changes = 0; parts.length > 0 && (Date.now() < deadline || changes < 5); changes++) {
    await new Promise((resolve) => setTimeout(resolve, thinkMs()));
    const part = pick(parts);
    const startedAt = performance.now();
    try {
      await client.price(part.id, {
        process: part.kind.process,
        materialCode: pick(part.kind.materials),
        quantity: pick(quantities),
      });
      stats.repriceMs.push(performance.now() - startedAt);
    } catch (error) {
      recordError(stats, `re-price: ${(error as Error).message}`);
    }
  }
}

/** LOAD_MODE=uploads: one file after another until the deadline, each awaited until analysed. */
async function runUploadingBuyer(buyer: number, deadline: number, stats: Stats): Promise<void> {
  const client = await openBuyer(deadline, stats);
  if (!client) return;
  for (let file = 0; Date.now() < deadline; file++) {
    try {
      const part = await upload(
        client,
        fixtures[(buyer + file) % fixtures.length]!,
        `u${buyer}-f${file}-${Date.now()}`,
      );
      stats.analysedMs.push(part.analysedMs);
    } catch (error) {
      recordError(stats, `upload → analysed: ${(error as Error).message}`);
    }
    const pauseMs = (pauseMinSeconds + Math.random() * (pauseMaxSeconds - pauseMinSeconds)) * 1000;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/**
 * The reference, on the idle app before the load: one buyer alone re-pricing a part 20 times (or, for
 * LOAD_MODE=uploads, uploading 5 files one after the other): the median ms.
 */
async function aloneMs(): Promise<number> {
  const client = newBuyer(baseUrl, Date.now() + 120_000);
  await client.open();
  const times: number[] = [];
  if (uploadsMode) {
    for (let file = 0; file < 5; file++)
      times.push((await upload(client, fixtures[file]!, `alone-${file}-${Date.now()}`)).analysedMs);
  } else {
    const part = await upload(client, fixtures[0]!, `alone-${Date.now()}`);
    for (let run = 0; run < 20; run++) {
      const startedAt = performance.now();
      await client.price(part.id, {
        process: part.kind.process,
        materialCode: pick(part.kind.materials),
        quantity: pick(quantities),
      });
      times.push(performance.now() - startedAt);
    }
  }
  return percentile(times, 0.5);
}

function percentile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

async function main() {
  const app = await benchAppAt(process.env.LOAD_URL, {
    name: "load-bench",
    port,
    postgresPort: Number(process.env.LOAD_POSTGRES_PORT ?? 54460),
  });
  baseUrl = app.baseUrl;
  try {
    const referenceMs = await aloneMs();
    const stats: Stats = { firstPriceMs: [], repriceMs: [], analysedMs: [], errors: new Map() };
    const startedAt = Date.now();
    const deadline = startedAt + durationMs;
    console.log(
      uploadsMode
        ? `${buyers} buyers, each uploading one file after another (unique bytes; pause ${pauseMinSeconds}–${pauseMaxSeconds} s ` +
            `after each is analysed) for ${durationMs / 1000} s against ${baseUrl}`
        : `${buyers} buyers, each dropping 3 files (${sameFiles ? "the same bytes as the fixtures" : "unique bytes"}) ` +
            `and changing options for ${durationMs / 1000} s against ${baseUrl}`,
    );
    console.log(
      `(${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the start; alone on the idle app: ` +
        `${uploadsMode ? "upload → analysed" : "re-price"} median ${formatMs(referenceMs)})…`,
    );
    // The buyers arrive over the first second, not in one instant.
    await Promise.all(
      Array.from({ length: buyers }, async (_, buyer) => {
        await new Promise((resolve) => setTimeout(resolve, (buyer / buyers) * 1000));
        await (uploadsMode ? runUploadingBuyer : runRepricingBuyer)(buyer, deadline, stats);
      }),
    );
    const seconds = (Date.now() - startedAt) / 1000;
    const row = (label: string, values: number[]) =>
      console.log(
        `${label.padEnd(18)} ${String(values.length).padStart(6)} ${[0.5, 0.9, 0.95, 0.99]
          .map((share) => percentile(values, share).toFixed(0).padStart(8))
          .join("")} ${percentile(values, 1).toFixed(0).padStart(8)}`,
      );
    console.log(
      `\nFinished in ${seconds.toFixed(0)} s (load average ${os.loadavg()[0]!.toFixed(1)} at the end).`,
    );
    console.log(`${"ms".padEnd(18)} ${"count".padStart(6)}      p50     p90     p95     p99     worst`);
    if (uploadsMode) row("upload → analysed", stats.analysedMs);
    else {
      row("first price", stats.firstPriceMs);
      row("re-price", stats.repriceMs);
    }
    const errorCount = [...stats.errors.values()].reduce((sum, count) => sum + count, 0);
    console.log(`errors       ${errorCount}`);
    for (const [kind, count] of stats.errors) console.log(`  ${String(count).padStart(5)} × ${kind}`);
    const measured = uploadsMode ? stats.analysedMs : stats.repriceMs;
    const p95 = percentile(measured, 0.95);
    const targetMs = uploadsMode ? 5000 : 150;
    const pass = p95 <= targetMs && errorCount === 0;
    const what = uploadsMode ? "upload → analysed" : "re-price";
    console.log(
      `\nTarget: ${what} p95 ≤ ${formatMs(targetMs)} with no errors at ${buyers} buyers: p95 ${formatMs(p95)}, ` +
        `${errorCount} errors — ${pass ? "PASS" : "FAIL"}`,
    );
    reportTarget({
      measure: uploadsMode
        ? `${buyers} buyers uploading for ${durationMs / 1000} s: upload → analysed p95`
        : `re-price after an option change, ${buyers} buyers at once, p95`,
      value: `${formatMs(p95)}, ${errorCount} errors (${measured.length} measured${uploadsMode ? "" : `; first price p95 ${formatMs(percentile(stats.firstPriceMs, 0.95))}`})`,
      reference: `one buyer alone on the idle app: median ${formatMs(referenceMs)}`,
      target: `p95 ≤ ${formatMs(targetMs)}, no errors`,
      pass,
    });
  } finally {
    await app.stop();
  }
}

runBench(main);
