// npx tsx bench/first-price-trace.ts: where the wait from a drop to the first price goes, for one file,
// against a running app (BENCH_URL, e.g. one `npm start` or bench/bench-app.ts started). It does what the
// home page's upload row does (visitor session, upload, follow the part, the cheapest price), polling the
// part every few milliseconds so that each change is seen when it happens, and prints a timeline; with
// TRACE_DATABASE_URL also the server's own moments (the job sent and fetched, the claim, the measured
// report, the final write). TRACE_FILE: the CAD file (default the plate); TRACE_RUNS: drops (default 3).
// Not a target: bench/storefront-bench.ts measures the buyer's wait in a real browser.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { partChangeTag } from "../lib/parts/part-change-tag";
import { uniqueCadBytes } from "./unique-cad-bytes";

const baseUrl = process.env.BENCH_URL ?? "http://localhost:3415";
const file = path.resolve(process.env.TRACE_FILE ?? "tests/fixtures/cad/synth_plate_4thru_1blind.step");
const runs = Number(process.env.TRACE_RUNS ?? 3);
/** TRACE_FOLLOW=changes: follow the part as the page does since decision 0070 (one long poll). */
const followByLongPoll = process.env.TRACE_FOLLOW === "changes";
/** TRACE_FOLLOW=old-page: as the page did before (timed polls, then POST /quote). */
const followAsOldPage = process.env.TRACE_FOLLOW === "old-page";
/** TRACE_APP_PID: the app's process, whose CPU time (all threads, analysis included) each drop costs. */
const appPid = process.env.TRACE_APP_PID;
const summary: { firstPriceMs: number; finalPriceMs: number; cpuMs: number }[] = [];

/** The app's CPU time so far (user + system, all its threads), in ms; 0 without TRACE_APP_PID. */
function appCpuMs(): number {
  if (!appPid) return 0;
  const fields = readFileSync(`/proc/${appPid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function timed<T>(what: () => Promise<T>): Promise<{ value: T; ms: number; at: number }> {
  const startedAt = performance.now();
  const value = await what();
  return { value, ms: performance.now() - startedAt, at: startedAt };
}

/** The old page's second request for the first price: POST /quote with every process compared. */
function cheapestByQuote(partId: string, cookie: string): Promise<string> {
  return fetch(`${baseUrl}/api/v1/parts/${partId}/quote`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ compare: true, quantity: 1 }),
  }).then((response) => response.text());
}

async function traceOneDrop(run: number, database?: pg.Client) {
  const t0 = performance.now();
  const wall0 = Date.now();
  const lines: [number, string][] = [];
  const mark = (at: number, what: string) => lines.push([at - t0, what]);
  const session = await timed(() => fetch(`${baseUrl}/api/v1/visitor-session`, { method: "POST" }));
  const cookie = (session.value.headers.get("set-cookie") ?? "").split(";")[0]!;
  mark(session.at + session.ms, `visitor session answered (${session.ms.toFixed(0)} ms)`);
  const bytes = uniqueCadBytes(
    path.basename(file),
    readFileSync(file),
    `trace-${process.pid}-${run}-${Date.now()}`,
  );
  const upload = await timed(() =>
    fetch(`${baseUrl}/api/v1/parts`, {
      method: "POST",
      headers: {
        cookie,
        "x-file-name": encodeURIComponent(path.basename(file)),
        "content-type": "application/octet-stream",
      },
      body: new Uint8Array(bytes),
    }),
  );
  const partId = ((await upload.value.json()) as { part: { id: string } }).part.id;
  mark(upload.at + upload.ms, `upload answered 201 (${upload.ms.toFixed(0)} ms)`);
  let seen = "";
  let firstPriceMs: number | undefined;
  let finalPriceMs: number | undefined;
  const cpuBefore = appCpuMs();
  let polls = 0;
  let pollMs = 0;
  if (followByLongPoll) {
    // As the new page follows it: POST /api/v1/parts/changes answers each change with its price.
    let tag = "";
    for (;;) {
      const poll = await timed(() =>
        fetch(`${baseUrl}/api/v1/parts/changes`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ parts: [{ id: partId, tag }], waitForChangeMs: 8000 }),
        }),
      );
      const { changes } = (await poll.value.json()) as {
        changes: {
          part: { status: string; analysisStage?: string; filesAhead?: number; preliminary?: boolean };
          cheapest?: { cents: number };
        }[];
      };
      polls++;
      pollMs += poll.ms;
      const part = changes[0]?.part;
      if (!part) continue;
      tag = partChangeTag(part);
      const price = changes[0]?.cheapest ? ` with price ${changes[0].cheapest.cents} cents` : "";
      mark(poll.at + poll.ms, `long poll answers ${tag}${price} (${poll.ms.toFixed(0)} ms)`);
      if (price) firstPriceMs ??= poll.at + poll.ms - t0;
      if (part.status === "ANALYZED" || part.status === "FAILED") {
        finalPriceMs = poll.at + poll.ms - t0;
        break;
      }
    }
  } else if (followAsOldPage) {
    // As the page followed it before decision 0070: polls 150 ms apart growing to 500 ms, a POST /quote
    // compare when the preliminary report is first seen and again once analysed.
    let delayMs = 150;
    let pricedPreliminary = false;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(500, delayMs * 1.4);
      const poll = await timed(() => fetch(`${baseUrl}/api/v1/parts/${partId}`, { headers: { cookie } }));
      const { part } = (await poll.value.json()) as { part: { status: string; preliminary?: boolean } };
      polls++;
      pollMs += poll.ms;
      const analysed = part.status === "ANALYZED" || part.status === "FAILED";
      if (analysed || (part.preliminary && !pricedPreliminary)) {
        pricedPreliminary = true;
        const quote = await timed(() => cheapestByQuote(partId, cookie));
        const at = quote.at + quote.ms - t0;
        firstPriceMs ??= at;
        mark(
          quote.at + quote.ms,
          `${analysed ? "final" : "preliminary"} price shown (quote ${quote.ms.toFixed(0)} ms)`,
        );
        if (analysed) {
          finalPriceMs = at;
          break;
        }
      }
    }
  } else {
    for (;;) {
      const poll = await timed(() => fetch(`${baseUrl}/api/v1/parts/${partId}`, { headers: { cookie } }));
      const { part } = (await poll.value.json()) as {
        part: { status: string; analysisStage?: string; preliminary?: boolean };
      };
      polls++;
      pollMs += poll.ms;
      const state = `${part.status} ${part.analysisStage ?? ""}${part.preliminary ? " preliminary" : ""}`;
      if (state !== seen) mark(poll.at + poll.ms, `part poll sees ${state} (poll ${poll.ms.toFixed(0)} ms)`);
      seen = state;
      if (part.status === "ANALYZED" || part.status === "FAILED") break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const quote = await timed(() => cheapestByQuote(partId, cookie));
    mark(quote.at + quote.ms, `cheapest price answered (${quote.ms.toFixed(0)} ms)`);
  }
  if (database) {
    const { rows } = await database.query<Record<string, Date | null>>(
      `SELECT p."createdAt", j.created_on AS "jobCreated", j.started_on AS "jobStarted",
              p."analysisStartedAt", p."preliminaryAnalysisAt", p."analyzedAt"
       FROM "Part" p LEFT JOIN pgboss.job j ON j.name = 'parts.analyze' AND j.data->>'partId' = p.id
       WHERE p.id = $1 ORDER BY j.created_on LIMIT 1`,
      [partId],
    );
    for (const [name, at] of Object.entries(rows[0] ?? {}))
      if (at) mark(t0 + (at.getTime() - wall0), `server: ${name}`);
  }
  lines.sort((a, b) => a[0] - b[0]);
  const cpuMs = appCpuMs() - cpuBefore;
  if (run > 0) summary.push({ firstPriceMs: firstPriceMs ?? NaN, finalPriceMs: finalPriceMs ?? NaN, cpuMs });
  console.log(
    `\n${path.basename(file)}, drop ${run} (${polls} polls, ${(pollMs / polls).toFixed(0)} ms each):`,
  );
  for (const [ms, what] of lines) console.log(`${ms.toFixed(0).padStart(7)} ms  ${what}`);
}

async function main() {
  let database: pg.Client | undefined;
  if (process.env.TRACE_DATABASE_URL) {
    database = new pg.Client({ connectionString: process.env.TRACE_DATABASE_URL });
    await database.connect();
  }
  for (let run = 0; run <= runs; run++) await traceOneDrop(run, database);
  await database?.end();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `\n${process.env.TRACE_FOLLOW ?? "tight polls"}, ${path.basename(file)}, median of ${summary.length}: first price ${median(summary.map((s) => s.firstPriceMs)).toFixed(0)} ms, final price ${median(summary.map((s) => s.finalPriceMs)).toFixed(0)} ms, app CPU per drop ${median(summary.map((s) => s.cpuMs)).toFixed(0)} ms`,
  );
}

void main();
