// npm run bench — issue 22's targets table in one run: every measure with its reference measured in the
// same run and whether it passes. Runs each bench in a child process with the settings below (each bench
// alone: `npm run bench:<name>`), one after the other, each bounded by a time limit, then prints the
// table from the rows they wrote (bench/target-result.ts). A bench that fails or runs out of time leaves
// its rows "not measured". Built for one run of under 12 minutes on the 2-core machine when it is quiet.
// One app (`npm start`, production build, fresh database on BENCH_APP_PORT / BENCH_APP_POSTGRES_PORT)
// serves the storefront, seven-files and both load benches; the crash bench starts and kills its own.
// Needs admesh, freecadcmd and Chromium (/usr/bin/chromium); CAD_CORPUS as the engine benches.
// BENCH_TARGETS_ONLY=<script names, comma-separated, e.g. seven-files-bench,load-bench> runs only those.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureProductionBuild } from "../scripts/ensure-production-build";
import { startBenchApp, waitForApp, type BenchApp } from "./bench-app";
import { runBench, type TargetResult } from "./target-result";

const resultsFile = path.resolve(".data", `bench-targets-${process.pid}.jsonl`);
const appPort = Number(process.env.BENCH_APP_PORT ?? 3290);
const appPostgresPort = Number(process.env.BENCH_APP_POSTGRES_PORT ?? 54490);

interface Piece {
  name: string;
  script: string;
  env: Record<string, string>;
  limitSeconds: number;
  /** The measures (the start of each row's `measure`) this bench reports, to show the missing ones. */
  measures: string[];
  /** Runs against the shared app. */
  usesApp?: boolean;
}

const allPieces: Piece[] = [
  {
    name: "STEP against FreeCAD",
    script: "bench/step-freecad-bench.ts",
    env: { BENCH_RUNS: "3" },
    limitSeconds: 120,
    measures: ["STEP full analysis, warm"],
  },
  {
    name: "1 M-triangle mesh against admesh",
    script: "bench/mesh-bench.ts",
    env: { BENCH_MESH_SIZES: "1000000", BENCH_RUNS: "5", BENCH_MESH_MEMORY: "0" },
    limitSeconds: 120,
    measures: ["1 M-triangle STL read + check + measure"],
  },
  {
    name: "matcher",
    script: "bench/match-bench.ts",
    env: {
      BENCH_SUPPLIERS: "1000,10000",
      BENCH_RUNS: "10",
      BENCH_BASELINE: process.env.BENCH_MATCH_BASELINE ?? "e1bae413",
      BENCH_COMPARE_ROUNDS: "4",
      BENCH_POSTGRES_PORT: String(process.env.BENCH_MATCH_POSTGRES_PORT ?? 54492),
    },
    limitSeconds: 240,
    measures: ["matcher, 1,000 partners", "matcher, 10,000 partners"],
  },
  {
    name: "kill -9 and restart",
    script: "bench/crash-recovery-bench.ts",
    env: {
      BENCH_PORT: String(process.env.BENCH_CRASH_PORT ?? 3291),
      BENCH_POSTGRES_PORT: String(process.env.BENCH_CRASH_POSTGRES_PORT ?? 54491),
    },
    limitSeconds: 180,
    measures: ["part analysing when the app is killed"],
  },
  {
    name: "drop → first price in the browser",
    script: "bench/storefront-bench.ts",
    env: { BENCH_RUNS: "5" },
    limitSeconds: 120,
    measures: ["drop → first price, 100 KB STEP", "drop → first price, 2 MB STEP"],
    usesApp: true,
  },
  {
    name: "seven files at once",
    script: "bench/seven-files-bench.ts",
    env: { BENCH_SEVEN_ROUNDS: "3" },
    limitSeconds: 90,
    measures: ["seven files dropped at once"],
    usesApp: true,
  },
  {
    name: "50 buyers re-pricing",
    script: "bench/load-bench.ts",
    env: { LOAD_BUYERS: "50", LOAD_SECONDS: "60", LOAD_GRACE_SECONDS: "30" },
    limitSeconds: 150,
    measures: ["re-price after an option change"],
    usesApp: true,
  },
  {
    name: "30 buyers uploading",
    script: "bench/load-bench.ts",
    env: { LOAD_MODE: "uploads", LOAD_BUYERS: "30", LOAD_SECONDS: "60", LOAD_GRACE_SECONDS: "30" },
    limitSeconds: 150,
    measures: ["30 buyers uploading"],
    usesApp: true,
  },
];

const only = process.env.BENCH_TARGETS_ONLY?.split(",");
const pieces = allPieces.filter((piece) => !only || only.includes(path.basename(piece.script, ".ts")));

/** Runs one bench in a process group of its own, killed with the group when it passes its limit. */
function runPiece(piece: Piece, appUrl: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", piece.script], {
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
      env: {
        ...process.env,
        ...piece.env,
        BENCH_TARGETS_FILE: resultsFile,
        ...(appUrl ? { BENCH_URL: appUrl, LOAD_URL: appUrl } : {}),
      },
    });
    const limit = setTimeout(() => {
      console.log(`\n${piece.name}: over its ${piece.limitSeconds} s limit, stopped.`);
      try {
        process.kill(-child.pid!, "SIGINT");
        setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // gone
          }
        }, 15_000).unref();
      } catch {
        // gone
      }
    }, piece.limitSeconds * 1000);
    child.once("exit", (code, signal) => {
      clearTimeout(limit);
      resolve(signal ? `stopped (${signal})` : `exit code ${code}`);
    });
  });
}

function printTable(rows: TargetResult[], outcomes: Map<string, string>): void {
  const table: string[][] = [["measure", "this run", "reference (same run)", "target", "pass"]];
  for (const piece of pieces)
    for (const measure of piece.measures) {
      const found = rows.filter((row) => row.measure.startsWith(measure));
      if (found.length === 0)
        table.push([measure, `not measured (${outcomes.get(piece.name) ?? "not run"})`, "", "", "FAIL"]);
      for (const row of found)
        table.push([row.measure, row.value, row.reference, row.target, row.pass ? "pass" : "FAIL"]);
    }
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  console.log(`\n${line(table[0]!)}`);
  console.log(`| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`);
  for (const row of table.slice(1)) console.log(line(row));
}

async function main() {
  const startedAt = Date.now();
  rmSync(resultsFile, { force: true });
  console.log(
    `Issue 22's targets, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")} at the start.`,
  );
  // The production build first, once, so no bench's app start builds it inside its timed part.
  const buildStartedAt = Date.now();
  ensureProductionBuild();
  const benchesStartedAt = Date.now();
  console.log(
    `Production build checked or made in ${((benchesStartedAt - buildStartedAt) / 1000).toFixed(0)} s.`,
  );
  const outcomes = new Map<string, string>();
  let app: BenchApp | undefined;
  let appFailure: string | undefined;
  const stopApp = async () => {
    await app?.stop();
    app = undefined;
  };
  process.once("SIGINT", () => {
    void stopApp().finally(() => process.exit(130));
  });
  try {
    for (const piece of pieces) {
      if (piece.usesApp && appFailure) {
        outcomes.set(piece.name, appFailure);
        continue;
      }
      if (piece.usesApp && !app) {
        app = startBenchApp({ name: "targets-bench", port: appPort, postgresPort: appPostgresPort });
        try {
          await waitForApp(app.baseUrl, 300_000, app.gone);
        } catch (error) {
          appFailure = `app did not start: ${(error as Error).message}`;
          console.log(appFailure);
          outcomes.set(piece.name, appFailure);
          await stopApp();
          continue;
        }
      }
      if (!piece.usesApp) await stopApp();
      const pieceStartedAt = Date.now();
      console.log(`\n=== ${piece.name} (${piece.script}) ===`);
      const outcome = await runPiece(piece, piece.usesApp ? app?.baseUrl : undefined);
      outcomes.set(piece.name, outcome);
      console.log(
        `=== ${piece.name}: ${outcome}, ${((Date.now() - pieceStartedAt) / 1000).toFixed(0)} s ===`,
      );
    }
  } finally {
    await stopApp();
  }
  const rows = existsSync(resultsFile)
    ? readFileSync(resultsFile, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as TargetResult)
    : [];
  rmSync(resultsFile, { force: true });
  printTable(rows, outcomes);
  const passed = rows.filter((row) => row.pass).length;
  const expected = pieces.reduce((sum, piece) => sum + piece.measures.length, 0);
  console.log(
    `\n${passed} of ${expected} targets met; the benches took ${((Date.now() - benchesStartedAt) / 60000).toFixed(1)} minutes, ` +
      `${((Date.now() - startedAt) / 60000).toFixed(1)} with the build check ` +
      `(load average ${os.loadavg()[0]!.toFixed(1)} at the end).`,
  );
  if (passed < expected) process.exitCode = 1;
}

runBench(main);
