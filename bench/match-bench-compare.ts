// The matcher bench's comparison with an older matcher (BENCH_BASELINE=<commit>): both place the same line
// in the same run, alternating in rounds, so a busy machine slows both alike. Wall time is printed with
// CPU time, which a loaded machine inflates far less: the bench's own process (process.cpuUsage) plus
// every process of its PostgreSQL server (/proc, Linux only), per full match.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { Database } from "../lib/db/prisma";
import type { matchOrderLine } from "../lib/matching/match-order-line";
import { median } from "./median";

type MatchOrderLine = typeof matchOrderLine;

/**
 * The matcher of `commit`: its `lib/` and `quoting-engine/` written out under `.data/` (inside the
 * project, so its imports find the project's node_modules), with today's generated Prisma client, which
 * reads the older tables too since migrations only add. Imported from there as a module of its own.
 */
export async function loadBaselineMatcher(commit: string): Promise<{ match: MatchOrderLine; label: string }> {
  const root = path.resolve(import.meta.dirname, "..");
  const sha = execFileSync("git", ["rev-parse", "--short", commit], { cwd: root, encoding: "utf8" }).trim();
  const dir = path.join(root, ".data", `match-bench-baseline-${sha}`);
  if (!existsSync(path.join(dir, "lib", "matching", "match-order-line.ts"))) {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    const archive = execFileSync("git", ["archive", sha, "lib", "quoting-engine"], {
      cwd: root,
      maxBuffer: 1 << 30,
    });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
    await fs.cp(path.join(root, "lib", "db", "generated"), path.join(dir, "lib", "db", "generated"), {
      recursive: true,
    });
  }
  const baselineModule = (await import(path.join(dir, "lib", "matching", "match-order-line.ts"))) as {
    matchOrderLine: MatchOrderLine;
  };
  return { match: baselineModule.matchOrderLine, label: sha };
}

/**
 * The new side of the comparison: `own` (the project's matcher), or with BENCH_CANDIDATE=<commit> a copy
 * of that commit loaded as the old one is. Decision 0119: loaded as a copy, the same code measured about
 * 8 ms more Node CPU per match than the project's own modules in a run at 16:45 UTC, so only copies on
 * both sides compare alike.
 */
export async function loadNewMatcher(own: MatchOrderLine): Promise<{ label: string; match: MatchOrderLine }> {
  const commit = process.env.BENCH_CANDIDATE;
  if (!commit) return { label: "new", match: own };
  const copy = await loadBaselineMatcher(commit);
  return { label: `new ${copy.label}`, match: copy.match };
}

/** CPU milliseconds used so far by the PostgreSQL server whose data directory is `dataDir`, all its processes. */
export function postgresCpuMs(dataDir: string): number {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return Number.NaN;
  const postmaster = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  // Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ, fixed at 100 for user space).
  const tickMs = 10;
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (Number(entry) === postmaster || Number(fields[1]) === postmaster)
        total += (Number(fields[11]) + Number(fields[12])) * tickMs;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

interface Side {
  label: string;
  wallMs: number[];
  nodeCpuMs: number;
  postgresCpuMs: number;
  runs: number;
  chosen: Set<string>;
  /** Each decision record written, as canonical JSON (skipped suppliers in id order). */
  records: Set<string>;
}

/** The line's newest decision record as JSON, its skipped suppliers sorted (their order was never defined). */
async function decisionRecordOf(sql: pg.Client, lineId: string): Promise<string> {
  const { rows } = await sql.query<{ candidates: { skipped?: { companyId: string }[] } }>(
    `SELECT "candidates" FROM "MatchDecision" WHERE "orderLineId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
    [lineId],
  );
  const record = rows[0]?.candidates;
  record?.skipped?.sort((a, b) => a.companyId.localeCompare(b.companyId));
  return JSON.stringify(record ?? null);
}

/**
 * Places the bench line `rounds` × `perRound` times with each matcher, alternating by round, and prints
 * the median wall time and the CPU time per match of both, and whether they chose the same partner;
 * returns each matcher's median wall time.
 */
export async function compareMatchers(options: {
  db: Database;
  sql: pg.Client;
  postgresDataDir: string;
  resetLine: (sql: pg.Client) => Promise<void>;
  lineId: string;
  now: Date;
  matchers: { label: string; match: MatchOrderLine }[];
  rounds: number;
  perRound: number;
}): Promise<{ label: string; wallMedianMs: number }[]> {
  const sides: Side[] = options.matchers.map(({ label }) => ({
    label,
    wallMs: [],
    nodeCpuMs: 0,
    postgresCpuMs: 0,
    runs: 0,
    chosen: new Set(),
    records: new Set(),
  }));
  const place = async (match: MatchOrderLine, side?: Side) => {
    await options.resetLine(options.sql);
    // PostgreSQL's CPU read first: reading /proc is the bench's own work, not the match's.
    const postgresBefore = postgresCpuMs(options.postgresDataDir);
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const outcome = await match(options.db, options.lineId, "bench", options.now);
    const wallMs = performance.now() - startedAt;
    const cpu = process.cpuUsage(cpuBefore);
    if (!side) return;
    side.wallMs.push(wallMs);
    side.nodeCpuMs += (cpu.user + cpu.system) / 1000;
    side.postgresCpuMs += postgresCpuMs(options.postgresDataDir) - postgresBefore;
    side.runs++;
    side.chosen.add(outcome.kind === "offered" ? outcome.supplierCompanyId : outcome.kind);
    side.records.add(await decisionRecordOf(options.sql, options.lineId));
  };
  // Warm-up: each matcher's modules, caches and the server's plans.
  for (const { match } of options.matchers) for (let run = 0; run < 2; run++) await place(match);
  for (let round = 0; round < options.rounds; round++)
    for (const [index, { match }] of options.matchers.entries())
      for (let run = 0; run < options.perRound; run++) await place(match, sides[index]);
  await options.resetLine(options.sql);

  console.log(
    `\nOld and new matcher alternated in one run (${options.rounds} rounds of ${options.perRound} full matches each):`,
  );
  console.log("matcher       wall median, ms   CPU per match, ms: Node + PostgreSQL = total   chose");
  for (const side of sides) {
    const node = side.nodeCpuMs / side.runs;
    const postgres = side.postgresCpuMs / side.runs;
    console.log(
      `${side.label.padEnd(12)} ${median(side.wallMs).toFixed(1).padStart(16)}   ${node.toFixed(1).padStart(22)} + ` +
        `${postgres.toFixed(1).padStart(10)} = ${(node + postgres).toFixed(1).padStart(5)}   ${[...side.chosen].join(", ")}`,
    );
  }
  const [before, after] = sides;
  if (before && after && before.runs > 0 && after.runs > 0) {
    const total = (side: Side) => (side.nodeCpuMs + side.postgresCpuMs) / side.runs;
    console.log(
      `${after.label} against ${before.label}: wall median ${(median(after.wallMs) / median(before.wallMs)).toFixed(2)}×, ` +
        `CPU ${(total(after) / total(before)).toFixed(2)}×` +
        (setsEqual(before.chosen, after.chosen) ? ", the same choice" : ", A DIFFERENT CHOICE") +
        (setsEqual(before.records, after.records)
          ? `, the same decision record (${before.records.size === 1 ? "one" : before.records.size} in every run).`
          : `, DIFFERENT DECISION RECORDS (${before.records.size} old, ${after.records.size} new; written to .data/match-bench-records-*.json).`),
    );
    if (!setsEqual(before.records, after.records))
      for (const side of [before, after])
        await fs.writeFile(
          path.resolve(
            import.meta.dirname,
            "..",
            ".data",
            `match-bench-records-${side.label.replace(/\W+/g, "-")}.json`,
          ),
          [...side.records].join("\n"),
        );
  }
  return sides.map((side) => ({ label: side.label, wallMedianMs: median(side.wallMs) }));
}

const setsEqual = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
