// npm run bench:load — many buyers at once against the running app: LOAD_BUYERS simulated buyers (default
// 50), each a visitor of its own (its own cookie), drop 3 real CAD files from tests/fixtures/cad/ at once,
// wait for each file's first price, then keep changing material and quantity on their parts until
// LOAD_SECONDS (default 60) have passed. Prints first-price and re-price percentiles (p50/p90/p99) and
// every kind of error. Issue 22's target: re-price p95 ≤ 150 ms with no errors at 50 buyers.
//
// Against LOAD_URL when set (e.g. http://localhost:3000 of an `npm start`; its visitor upload quotas
// must allow 3 files per buyer from one address: UPLOAD_VISITOR_FILES_PER_HOUR). Otherwise it starts
// `npm start` itself on LOAD_PORT (default 3260) with a fresh embedded PostgreSQL on
// LOAD_POSTGRES_PORT (default 54460) and raised visitor quotas, and stops it at the end.
// Each upload's bytes are made unique (a STEP header's file name, a binary STL's header) so every file
// is analysed, not reused from an identical upload; LOAD_SAME_FILES=1 uploads the files as they are.
// Plain fetch (undici) rather than a load tool: the buyers' steps depend on each other (upload, poll
// until analysed, price, change options), which request-rate tools such as autocannon do not model.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const buyers = Number(process.env.LOAD_BUYERS ?? 50);
const durationMs = Number(process.env.LOAD_SECONDS ?? 60) * 1000;
const port = Number(process.env.LOAD_PORT ?? 3260);
const baseUrl = process.env.LOAD_URL ?? `http://localhost:${port}`;
const sameFiles = process.env.LOAD_SAME_FILES === "1";
const pollMs = 200;
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

const options = {
  step: { process: "cnc_milling", materials: ["AL-6061-T6", "AL-7075-T6", "STEEL-C45", "SS-316L", "POM-C"] },
  stl: { process: "fdm", materials: ["FDM-PLA", "FDM-PETG", "FDM-ABS"] },
};
const quantities = [1, 2, 5, 10, 25, 50, 100, 250];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** The file's bytes, changed where the geometry does not care, so that no two uploads share a hash. */
function uniqueBytes(fixture: { name: string; bytes: Buffer }, tag: string): Buffer {
  if (sameFiles) return fixture.bytes;
  if (fixture.name.endsWith(".stl")) {
    const bytes = Buffer.from(fixture.bytes);
    bytes.fill(0x20, 0, 80);
    bytes.write(`load bench ${tag}`, 0, "latin1");
    return bytes;
  }
  const text = fixture.bytes.toString("latin1");
  return Buffer.from(
    text.replace(/FILE_NAME\s*\(\s*'/, (found) => `${found}${tag} `),
    "latin1",
  );
}

interface Stats {
  firstPriceMs: number[];
  repriceMs: number[];
  errors: Map<string, number>;
}

function recordError(stats: Stats, kind: string): void {
  stats.errors.set(kind, (stats.errors.get(kind) ?? 0) + 1);
}

async function runBuyer(buyer: number, deadline: number, stats: Stats): Promise<void> {
  let cookie = "";
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${url}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    const setCookie = response.headers.getSetCookie?.() ?? [];
    if (setCookie.length > 0) cookie = setCookie.map((entry) => entry.split(";")[0]).join("; ");
    return response;
  };
  const price = async (partId: string, choice: object) => {
    const response = await request(`/api/v1/parts/${partId}/quote`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(choice),
    });
    const body = (await response.json().catch(() => null)) as { quote?: { ok?: boolean } } | null;
    if (!response.ok) throw new Error(`quote HTTP ${response.status}`);
    if (!body?.quote?.ok) throw new Error("quote not ok");
  };

  // The visitor's cookie first, as the storefront does (ensureVisitorSession): the three files then go
  // at once under the same visitor.
  try {
    const session = await request("/api/v1/visitor-session", { method: "POST" });
    if (!session.ok) throw new Error(`visitor session HTTP ${session.status}`);
  } catch (error) {
    recordError(stats, `visitor session: ${(error as Error).message}`);
    return;
  }
  const files = [0, 1, 2].map((offset) => fixtures[(buyer * 3 + offset) % fixtures.length]!);
  const dropOne = async (fixture: (typeof fixtures)[number], index: number) => {
    const kind = fixture.name.endsWith(".stl") ? options.stl : options.step;
    const startedAt = performance.now();
    const uploaded = await request("/api/v1/parts", {
      method: "POST",
      headers: { "x-file-name": encodeURIComponent(fixture.name) },
      body: new Uint8Array(uniqueBytes(fixture, `b${buyer}-f${index}-${Date.now()}`)),
    });
    if (uploaded.status !== 201) throw new Error(`upload HTTP ${uploaded.status}`);
    const { part } = (await uploaded.json()) as { part: { id: string; status: string } };
    let status = part.status;
    while (status !== "ANALYZED") {
      if (status === "FAILED") throw new Error("analysis failed");
      if (Date.now() > deadline + 120_000) throw new Error("not analysed 2 min after the end");
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      const polled = await request(`/api/v1/parts/${part.id}`);
      if (!polled.ok) throw new Error(`poll HTTP ${polled.status}`);
      status = ((await polled.json()) as { part: { status: string } }).part.status;
    }
    await price(part.id, { process: kind.process, materialCode: kind.materials[0], quantity: 1 });
    stats.firstPriceMs.push(performance.now() - startedAt);
    return { id: part.id, kind };
  };
  const parts: { id: string; kind: (typeof options)["step"] }[] = [];
  const settle = async (drop: Promise<{ id: string; kind: (typeof options)["step"] }>) => {
    try {
      parts.push(await drop);
    } catch (error) {
      recordError(stats, `first price: ${(error as Error).message}`);
    }
  };
  await Promise.all(files.map((fixture, index) => settle(dropOne(fixture, index))));

  while (parts.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, thinkMs()));
    const part = pick(parts);
    const startedAt = performance.now();
    try {
      await price(part.id, {
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

function percentile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

function startApp(): ChildProcess {
  mkdirSync(".data", { recursive: true });
  const appLog = openSync(process.env.LOAD_APP_LOG ?? ".data/load-bench-app.log", "w");
  const postgresDir = path.join(os.tmpdir(), `instant-quote-load-bench-${process.pid}`);
  return spawn(
    "sh",
    [
      "-c",
      `rm -rf ${postgresDir} ${postgresDir}.password .data/load-bench-files && exec npx tsx scripts/start.ts`,
    ],
    {
      // The app's log (LOAD_APP_LOG, default .data/load-bench-app.log) says what an HTTP 500 was.
      stdio: ["ignore", appLog, appLog],
      detached: true,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: "",
        EMBEDDED_POSTGRES_DIR: postgresDir,
        EMBEDDED_POSTGRES_PORT: String(process.env.LOAD_POSTGRES_PORT ?? 54460),
        STORAGE_LOCAL_DIR: ".data/load-bench-files",
        AUTH_SECRET: "load-bench-secret-load-bench-secret-load-bench",
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        // Every buyer is a visitor from this one address: quotas as for a whole office.
        UPLOAD_VISITOR_FILES_PER_HOUR: "100000",
        UPLOAD_VISITOR_BYTES_PER_DAY: String(100 * 1024 ** 3),
      },
    },
  );
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer at ${baseUrl} within ${timeoutMs / 1000} s.`);
}

async function main() {
  const app = process.env.LOAD_URL ? null : startApp();
  const stop = () => {
    if (!app?.pid) return;
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    await waitForHealth(600_000);
    const stats: Stats = { firstPriceMs: [], repriceMs: [], errors: new Map() };
    const startedAt = Date.now();
    const deadline = startedAt + durationMs;
    console.log(
      `${buyers} buyers, each dropping 3 files (${sameFiles ? "the same bytes as the fixtures" : "unique bytes"}) ` +
        `and changing options for ${durationMs / 1000} s against ${baseUrl} (${os.cpus().length} cores, ` +
        `load average ${os.loadavg()[0]!.toFixed(1)} at the start)…`,
    );
    // The buyers arrive over the first second, not in one instant.
    await Promise.all(
      Array.from({ length: buyers }, async (_, buyer) => {
        await new Promise((resolve) => setTimeout(resolve, (buyer / buyers) * 1000));
        await runBuyer(buyer, deadline, stats);
      }),
    );
    const seconds = (Date.now() - startedAt) / 1000;
    const row = (label: string, values: number[]) =>
      console.log(
        `${label.padEnd(12)} ${String(values.length).padStart(6)} ${[0.5, 0.9, 0.95, 0.99]
          .map((share) => percentile(values, share).toFixed(0).padStart(8))
          .join("")} ${percentile(values, 1).toFixed(0).padStart(8)}`,
      );
    console.log(
      `\nFinished in ${seconds.toFixed(0)} s (load average ${os.loadavg()[0]!.toFixed(1)} at the end).`,
    );
    console.log(`${"ms".padEnd(12)} ${"count".padStart(6)}      p50     p90     p95     p99     worst`);
    row("first price", stats.firstPriceMs);
    row("re-price", stats.repriceMs);
    const errorCount = [...stats.errors.values()].reduce((sum, count) => sum + count, 0);
    console.log(`errors       ${errorCount}`);
    for (const [kind, count] of stats.errors) console.log(`  ${String(count).padStart(5)} × ${kind}`);
    const p95 = percentile(stats.repriceMs, 0.95);
    const pass = p95 <= 150 && errorCount === 0;
    console.log(
      `\nTarget: re-price p95 ≤ 150 ms with no errors at ${buyers} buyers: p95 ${p95.toFixed(0)} ms, ` +
        `${errorCount} errors — ${pass ? "PASS" : "FAIL"}`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
