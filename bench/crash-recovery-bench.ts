// npm run bench:crash — issue 22: "part analysing when the app is killed (kill -9), restarted: analysed
// ≤ 60 s after the restart". Starts `npm start` (bench/bench-app.ts) on a fresh database, drops the 2 MB
// NIST STEP file as a visitor, waits until the part is ANALYZING, kills the app's whole process group with
// SIGKILL (its embedded PostgreSQL follows, as on a crash), starts it again on the same data and polls the
// part with the same visitor until it is analysed. The reference, in the same run: how long the first,
// fresh start took to answer, and how long the restart took to answer (the part cannot be analysed
// before that). CAD_CORPUS points at the corpus (default ../shared/cad-corpus).
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { startBenchApp, waitForApp } from "./bench-app";
import { newBuyer } from "./bench-buyer";
import { formatMs, reportTarget, runBench } from "./target-result";
import { uniqueCadBytes } from "./unique-cad-bytes";

const corpus = path.resolve(process.env.CAD_CORPUS ?? "../shared/cad-corpus");
const targetSeconds = 60;
const app = {
  name: "crash-bench",
  port: Number(process.env.BENCH_PORT ?? 3280),
  postgresPort: Number(process.env.BENCH_POSTGRES_PORT ?? 54480),
};
const file = path.join(corpus, "step/nist_ftc_06_asme1_ap242-e2.stp");

/** Whether something still listens on the port (the killed app's PostgreSQL shutting down). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function main() {
  let running = startBenchApp(app);
  const startedAt = performance.now();
  try {
    await waitForApp(running.baseUrl, 600_000, running.gone);
    const freshStartMs = performance.now() - startedAt;
    const buyer = newBuyer(running.baseUrl, Date.now() + 600_000);
    await buyer.open();
    const name = path.basename(file);
    const part = await buyer.send(
      name,
      new Uint8Array(uniqueCadBytes(name, readFileSync(file), `crash-${Date.now()}`)),
    );
    await until(
      "the part to be ANALYZING",
      async () => ((await buyer.status(part.id)) === "ANALYZING" ? true : undefined),
      120_000,
      20,
    );
    await running.kill();
    await until(
      "the killed app's PostgreSQL to stop",
      async () => ((await listening(app.postgresPort)) ? undefined : true),
      60_000,
    );

    const restartedAt = performance.now();
    running = startBenchApp({ ...app, keepData: true });
    await waitForApp(running.baseUrl, 600_000, running.gone);
    const answeredMs = performance.now() - restartedAt;
    const status = await until(
      "the part to be analysed after the restart",
      async () => {
        const current = await buyer.status(part.id);
        return current === "ANALYZED" || current === "FAILED" ? current : undefined;
      },
      300_000,
      200,
    );
    const analysedMs = performance.now() - restartedAt;
    const pass = status === "ANALYZED" && analysedMs <= targetSeconds * 1000;
    console.log(
      `kill -9 while analysing ${name}: after the restart the app answered in ${formatMs(answeredMs)}, the part was ` +
        `${status} ${formatMs(analysedMs)} after the restart (target ≤ ${targetSeconds} s) — ${pass ? "PASS" : "FAIL"}; ` +
        `a fresh start took ${formatMs(freshStartMs)} to answer`,
    );
    reportTarget({
      measure: "part analysing when the app is killed (kill -9), restarted",
      value: `${status === "ANALYZED" ? "analysed" : status} ${formatMs(analysedMs)} after the restart`,
      reference: `restart answered after ${formatMs(answeredMs)}; fresh start ${formatMs(freshStartMs)}`,
      target: `analysed ≤ ${targetSeconds} s after the restart`,
      pass,
    });
  } finally {
    await running.stop();
  }
}

runBench(main);
