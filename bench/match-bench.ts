// npm run bench:match — the matcher's time for one order line against 10, 100, 1,000 and 10,000 suppliers
// that each hold a year of capacity reservations (26 weeks back, 26 ahead), blocked days, an approved
// audit, a certificate and a track record. Targets (issue 22): the whole match (matchOrderLine) under 25 ms
// median at 1,000 suppliers and under 250 ms at 10,000, placed one after the other as a worker does; the
// same runs each right after a VACUUM of the tables a match writes are printed beside them (decision 0123).
// Starts a fresh embedded PostgreSQL in a temporary folder on its own port (BENCH_POSTGRES_PORT, default
// 54380), applies the migrations and the seed, and removes it all at the end. BENCH_RUNS sets the timed
// runs per size (default 10); BENCH_WARMUP the full matches placed before them, untimed (default 30: a
// worker that has placed lines for a while, its code compiled by V8's optimising tiers; decision 0123);
// BENCH_SUPPLIERS the sizes (default 10,100,1000,10000);
// BENCH_PLANS=1 prints the query plans of the slowest reads. BENCH_BASELINE=<commit> also places the line
// with that commit's matcher, alternating with today's in one run, and prints both (match-bench-compare.ts;
// BENCH_COMPARE_ROUNDS, default 6, of 5 matches each; BENCH_COMPARE_SIZES, default 1000, the sizes);
// BENCH_CANDIDATE=<commit> takes the new side from a copy of that commit too.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { applyMigrations } from "../lib/db/apply-migrations";
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from "../lib/db/embedded-postgres-server";
import { preparedStatementMarker } from "../lib/db/prepared-statement-name";
import { createPrismaClient, type Database } from "../lib/db/prisma";
import { startJobQueue } from "../lib/jobs/job-queue";
import { loadMatchCandidates } from "../lib/matching/load-match-candidates";
import { matchOrderLine } from "../lib/matching/match-order-line";
import { loadMatchingSettings, type MatchingSettings } from "../lib/matching/matching-settings";
import { productionWindowOf, rankCandidates } from "../lib/matching/rank-candidates";
import { seedDatabase } from "../prisma/seed";
import {
  deliveryDate,
  insertOrderLines,
  insertSuppliers,
  lineId,
  lineToMatch,
  now,
  reservationsPerWeek,
  resetLine,
  describeDataSet,
  today,
} from "./match-bench-data";
import { compareMatchers, loadBaselineMatcher, loadNewMatcher } from "./match-bench-compare";
import { median } from "./median";
import { reportMatchTargets } from "./match-bench-targets";

const port = Number(process.env.BENCH_POSTGRES_PORT ?? 54380);
const runs = Number(process.env.BENCH_RUNS ?? 10);
const warmUpMatches = Number(process.env.BENCH_WARMUP ?? 30);
const sizes = (process.env.BENCH_SUPPLIERS ?? "10,100,1000,10000").split(",").map(Number);
const targetSuppliers = 1000;
const baseline = process.env.BENCH_BASELINE;
const compareRounds = Number(process.env.BENCH_COMPARE_ROUNDS ?? 6);
/** The sizes at which the old matcher is alternated with today's (BENCH_COMPARE_SIZES, default 1000). */
const compareSizes = (process.env.BENCH_COMPARE_SIZES ?? "1000").split(",").map(Number);
const batchSuppliers = 1000;
const showPlans = process.env.BENCH_PLANS === "1";

/**
 * The matcher's decision without its writes: candidates loaded in one transaction, as the matcher does,
 * then ranked. Returns the time of each part.
 */
async function decide(db: Database, settings: MatchingSettings) {
  const startedAt = performance.now();
  const window = productionWindowOf(lineToMatch.deliveryDate, settings, today);
  const { candidates } = await db.$transaction((tx) =>
    loadMatchCandidates(tx, {
      orderLineId: lineId,
      process: "CNC_MILLING",
      materialCode: lineToMatch.materialCode,
      partSizeMm: lineToMatch.partSizeMm,
      requiredCertificates: lineToMatch.requiredCertificates,
      deliveryDate: lineToMatch.deliveryDate,
      today,
      ...window,
    }),
  );
  const loadedAt = performance.now();
  const ranking = rankCandidates(lineToMatch, candidates, settings, today);
  const rankedAt = performance.now();
  return {
    ranking,
    loadMs: loadedAt - startedAt,
    rankMs: rankedAt - loadedAt,
    totalMs: rankedAt - startedAt,
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const startedAt = performance.now();
  const result = await run();
  return { ms: performance.now() - startedAt, result };
}

interface SizeResult {
  suppliers: number;
  candidates: number;
  ranked: number;
  loadSeconds: number;
  decisionMs: number[];
  loadMs: number[];
  rankMs: number[];
  matchMs: number[];
  /** Full matches each right after a VACUUM of the tables a match writes (every cached plan made anew). */
  matchAfterVacuumMs: number[];
  /** The first full match at this size, before any warm-up. */
  firstMatchMs: number;
  chosen: string;
}

async function benchSize(
  db: Database,
  sql: pg.Client,
  settings: MatchingSettings,
  suppliers: number,
): Promise<Omit<SizeResult, "loadSeconds">> {
  const decisionMs: number[] = [];
  const loadMs: number[] = [];
  const rankMs: number[] = [];
  let { ranking } = await decide(db, settings);
  for (let run = 0; run < runs; run++) {
    const decision = await decide(db, settings);
    decisionMs.push(decision.totalMs);
    loadMs.push(decision.loadMs);
    rankMs.push(decision.rankMs);
    ranking = decision.ranking;
  }
  let chosen = "";
  const fullMatches = async (vacuum: boolean, warmUp: number) => {
    const matchMs: number[] = [];
    for (let run = 0; run < warmUp + runs; run++) {
      await resetLine(sql, { vacuum });
      const { ms, result } = await timed(() => matchOrderLine(db, lineId, "bench", now));
      if (result.kind !== "offered") throw new Error(`The bench line was not offered: ${result.kind}`);
      if (chosen && result.supplierCompanyId !== chosen)
        throw new Error(
          `Run ${run} chose ${result.supplierCompanyId}, earlier runs ${chosen}: not the same work`,
        );
      chosen = result.supplierCompanyId;
      if (run === 0 && !vacuum) firstMatchMs = ms;
      if (run >= warmUp) matchMs.push(ms);
    }
    return matchMs;
  };
  let firstMatchMs = Number.NaN;
  // The data set as the loader left it (VACUUM ANALYZE) for every size: then the runs without a vacuum.
  const matchMs = await fullMatches(false, Math.max(1, warmUpMatches));
  const matchAfterVacuumMs = await fullMatches(true, 1);
  await resetLine(sql, { vacuum: true });
  return {
    suppliers,
    candidates: ranking.ranked.length + ranking.skipped.length,
    ranked: ranking.ranked.length,
    decisionMs,
    loadMs,
    rankMs,
    matchMs,
    matchAfterVacuumMs,
    firstMatchMs,
    chosen,
  };
}

/**
 * Where a full match spends its time: every statement sent on a pg connection (through Prisma or on the
 * transaction's connection directly, decision 0074) with its duration as the pg driver sees it (round trip
 * and pg's decoding included, Prisma's own work not), then the slowest reads once more under EXPLAIN
 * ANALYZE for the server's own share, and the size of the decision record written.
 */
async function queryBreakdown(db: Database, sql: pg.Client, matchMedianMs: number): Promise<void> {
  const statements = new Map<string, { query: string; params: unknown[]; durations: number[] }>();
  let recording = false;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const result = (query as (...args: unknown[]) => unknown).apply(this, args);
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (recording && result instanceof Promise) {
      const startedAt = performance.now();
      const text = typeof config === "string" ? config : config.text;
      const params = (typeof config === "string" ? values : config.values) ?? [];
      void result.then(
        () => {
          const label = text.replace(preparedStatementMarker, "").replace(/\s+/g, " ").trim().slice(0, 88);
          const statement = statements.get(label) ?? { query: text, params, durations: [] };
          statement.durations.push(performance.now() - startedAt);
          statements.set(label, statement);
        },
        () => undefined,
      );
    }
    return result;
  } as typeof query;
  let decisionBytes = 0;
  try {
    for (let run = 0; run <= runs; run++) {
      await resetLine(sql);
      recording = run > 0;
      await matchOrderLine(db, lineId, "bench", now);
      recording = false;
    }
    const { rows } = await sql.query<{ bytes: number }>(
      `SELECT octet_length("candidates"::text) AS bytes FROM "MatchDecision" WHERE "orderLineId" = $1`,
      [lineId],
    );
    decisionBytes = rows[0]?.bytes ?? 0;
    await resetLine(sql);
  } finally {
    pg.Client.prototype.query = query;
  }

  const rows = [...statements].map(([label, statement]) => ({
    label,
    ...statement,
    perRun: statement.durations.length / runs,
    totalMs: (median(statement.durations) * statement.durations.length) / runs,
  }));
  rows.sort((a, b) => b.totalMs - a.totalMs);
  const statementsMs = rows.reduce((sum, row) => sum + row.totalMs, 0);
  // Every event is one round trip on the transaction's connection; BEGIN and COMMIT are not statements
  // of the match's own.
  const perRun = (filter: (label: string) => boolean) =>
    rows.filter((row) => filter(row.label)).reduce((sum, row) => sum + row.perRun, 0);
  const roundTrips = perRun(() => true);
  const statementCount = perRun((label) => !/^(BEGIN|COMMIT)\b/i.test(label));
  console.log(
    `\nA full match at ${targetSuppliers} partners: ${statementCount} statements, ${roundTrips} round trips to ` +
      `the database (with BEGIN and COMMIT).`,
  );
  console.log(
    `\nWhere a full match spends its time at ${targetSuppliers} partners: median ms per run of each statement, ` +
      `as the pg driver sees it (round trip and pg's decoding included, Prisma's work not):`,
  );
  for (const row of rows)
    console.log(
      `${row.totalMs.toFixed(1).padStart(7)}  ${row.perRun === 1 ? "   " : `${row.perRun}× `}${row.label}`,
    );
  console.log(
    `${statementsMs.toFixed(1).padStart(7)}  all statements; the rest of the ${matchMedianMs.toFixed(1)} ms median ` +
      `is JavaScript (ranking, building and encoding the decision record) and waiting between statements`,
  );
  console.log(`         The decision record written is ${(decisionBytes / 1024).toFixed(0)} kB of JSON.`);

  console.log("\nThe slowest reads on the server alone (EXPLAIN ANALYZE, same parameters):");
  // Reads only: EXPLAIN ANALYZE runs what it explains, and the matcher's write is one WITH … INSERT.
  const reads = rows.filter(
    (entry) =>
      /^\s*(\/\*[^*]*\*\/\s*)?(SELECT|WITH)/i.test(entry.query) &&
      !/\b(INSERT|UPDATE|DELETE)\b|FOR (UPDATE|SHARE)/i.test(entry.query),
  );
  for (const row of reads.slice(0, 3)) {
    const plan = await sql.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${row.query}`,
      row.params,
    );
    const lines = plan.rows.map((line) => line["QUERY PLAN"]);
    const execution = lines.find((line) => line.startsWith("Execution Time")) ?? "";
    console.log(`  ${execution.padEnd(28)} ${row.label.slice(0, 70)}`);
    if (showPlans) console.log(lines.map((line) => `      ${line}`).join("\n"));
  }
}

async function main() {
  process.env.AUTH_SECRET ??= "match-bench-secret-match-bench-secret-match";
  process.env.LOG_LEVEL ??= "silent";
  const dataDir = path.join(os.tmpdir(), `instant-quote-match-bench-${process.pid}`);
  let server: EmbeddedPostgresServer | undefined;
  let db: Database | undefined;
  let sql: pg.Client | undefined;
  const cleanUp = async () => {
    await sql?.end().catch(() => undefined);
    await db?.$disconnect().catch(() => undefined);
    await server?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(`${dataDir}.password`, { force: true });
  };
  process.once("SIGINT", () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    server = await startEmbeddedPostgres({ dataDir, port });
    await server.ensureDatabase("match_bench");
    const url = server.connectionUrl("match_bench");
    await applyMigrations(url);
    // The job queue's schema and queues, as `npm start` creates them: a match sends the offer's expiry
    // and the e-mail delivery as jobs in its own transaction (lib/jobs/enqueue-job.ts).
    const queue = await startJobQueue(url, pino({ level: "silent" }));
    await queue.stop();
    db = createPrismaClient(url);
    await seedDatabase(db);
    sql = new pg.Client({ connectionString: url });
    await sql.connect();
    await sql.query("SELECT setseed(0.2026)");
    await insertOrderLines(sql);
    const { settings } = await loadMatchingSettings(db);

    console.log(
      `One order line (CNC milling, AL-6061-T6, 12 machine hours, ISO 9001, due ${deliveryDate}; today ${today}) ` +
        `against N partners plus the seed's. Each partner: 3 materials, 2 machines, weekly capacity 40–200 h, ` +
        `an approved audit, an ISO 9001 certificate, a track record, 5 blocked days, and ${reservationsPerWeek} ` +
        `reservations in each of 52 weeks (26 back, 26 ahead; 10 % released). ${runs} timed runs after ${warmUpMatches} untimed ones.\n`,
    );
    const results: SizeResult[] = [];
    /** The old matcher's median at the target size, alternated with today's (BENCH_BASELINE). */
    let baselineMedian: { label: string; wallMedianMs: number } | undefined;
    let loaded = 0;
    for (const suppliers of sizes) {
      const startedAt = performance.now();
      // Loaded with the database's triggers off (a bulk load; each row would refresh its supplier's match
      // card at commit), then the new suppliers' cards built once each (decision 0074).
      await sql.query("SET session_replication_role = replica");
      for (let first = loaded + 1; first <= suppliers; first += batchSuppliers)
        await insertSuppliers(sql, first, Math.min(suppliers, first + batchSuppliers - 1));
      await sql.query("SET session_replication_role = DEFAULT");
      await sql.query(`SELECT refresh_supplier_match_cards(c."id", false) FROM "Company" c
                        WHERE c."kind" = 'SUPPLIER' AND NOT EXISTS (SELECT 1 FROM "SupplierMatchCard" card WHERE card."companyId" = c."id")`);
      loaded = Math.max(loaded, suppliers);
      // Statistics for the planner, and the visibility map set as autovacuum would have by now, so the
      // read-only runs and the full matches (whose reset vacuums) see the tables in the same state.
      await sql.query("VACUUM ANALYZE");
      const loadSeconds = (performance.now() - startedAt) / 1000;
      const result = { ...(await benchSize(db, sql, settings, suppliers)), loadSeconds };
      results.push(result);
      console.log(
        `${String(suppliers).padStart(6)} partners loaded in ${loadSeconds.toFixed(1)} s: ` +
          `decision median ${median(result.decisionMs).toFixed(1)} ms, full match median ${median(result.matchMs).toFixed(1)} ms ` +
          `(the first of them ${result.firstMatchMs.toFixed(1)} ms; ${median(result.matchAfterVacuumMs).toFixed(1)} ms ` +
          `right after a VACUUM of the tables it writes)`,
      );
      if (suppliers === targetSuppliers) await queryBreakdown(db, sql, median(result.matchMs));
      if (baseline && compareSizes.includes(suppliers)) {
        const old = await loadBaselineMatcher(baseline);
        const candidate = await loadNewMatcher(matchOrderLine);
        console.log(`\nAt ${suppliers} partners:`);
        const [oldMedian] = await compareMatchers({
          db,
          sql,
          postgresDataDir: server.dataDir,
          resetLine,
          lineId,
          now,
          matchers: [{ label: `old ${old.label}`, match: old.match }, candidate],
          rounds: compareRounds,
          perRound: 5,
        });
        if (suppliers === targetSuppliers) baselineMedian = oldMedian;
      }
    }
    await describeDataSet(sql);

    console.log(
      "\n                                 decision (read-only), ms                  full match, ms    after a VACUUM, ms",
    );
    console.log(
      "partners  candidates  ranked   load median  rank median  median  worst   median  worst    median  worst   chosen",
    );
    for (const result of results)
      console.log(
        [
          String(result.suppliers).padStart(8),
          String(result.candidates).padStart(11),
          String(result.ranked).padStart(7),
          median(result.loadMs).toFixed(1).padStart(13),
          median(result.rankMs).toFixed(1).padStart(12),
          median(result.decisionMs).toFixed(1).padStart(7),
          Math.max(...result.decisionMs)
            .toFixed(1)
            .padStart(6),
          median(result.matchMs).toFixed(1).padStart(8),
          Math.max(...result.matchMs)
            .toFixed(1)
            .padStart(6),
          median(result.matchAfterVacuumMs).toFixed(1).padStart(9),
          Math.max(...result.matchAfterVacuumMs)
            .toFixed(1)
            .padStart(6),
          `  ${result.chosen}`,
        ].join(" "),
      );
    reportMatchTargets(results, runs, baselineMedian);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
