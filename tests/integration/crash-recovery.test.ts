import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { enqueueJobs, followUpJob } from "../../lib/jobs/enqueue-job";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { chunkedStream } from "../fixtures/streams";

/**
 * Issue 22, recovery (docs/decisions/0046), on the real worker script (`npm run worker`, the job half of
 * `npm start`, which needs no production build) with its own embedded PostgreSQL: a worker killed with
 * SIGKILL while a part is ANALYZING, started again, analyses the part within 60 s (before: it stayed
 * ANALYZING until pg-boss's 15-minute expiry); a database killed under it stops it with exit code 1.
 */
const root = path.join(os.tmpdir(), `instant-quote-crash-${process.pid}`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

function run(script: string, env: NodeJS.ProcessEnv): Started {
  // node --import tsx: one process, so SIGKILL ends the worker itself (the tsx CLI would leave a child).
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output, exited };
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a worker killed while analysing", () => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let worker: Started | undefined;
  let db: Database | undefined;

  beforeAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.mkdir(root, { recursive: true });
    dataDir = path.join(root, "pg");
    env = {
      DATABASE_URL: "",
      EMBEDDED_POSTGRES_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      STORAGE_LOCAL_DIR: path.join(root, "files"),
      AUTH_SECRET: "crash-recovery-test-secret-crash-recovery-test",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    };
    const migrate = run("scripts/db-migrate.ts", env);
    expect(await migrate.exited, migrate.output.join("")).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    if (worker && worker.child.exitCode === null) {
      worker.child.kill("SIGTERM");
      await worker.exited;
    }
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(`${dataDir}.password`, { force: true });
  });

  const startWorker = async () => {
    const started = run("scripts/worker/worker.ts", env);
    await waitFor(
      "the worker to start",
      () => {
        if (started.child.exitCode !== null) throw new Error(started.output.join(""));
        return started.output.join("").includes("Job worker running") ? true : undefined;
      },
      90_000,
    );
    return started;
  };

  it("analyses the part within 60 s of the restart", async () => {
    worker = await startWorker();
    const password = readFileSync(`${dataDir}.password`, "utf8").trim();
    db = createPrismaClient(
      `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/marketplace`,
    );
    const storage = createLocalFileStorage(env.STORAGE_LOCAL_DIR!);
    const file = await storage.put(chunkedStream(readFileSync("tests/fixtures/cad/synth_cube20.step")), {
      maxBytes: 10_000_000,
    });
    const part = await db.part.create({
      data: {
        originalFileName: "cube.step",
        storageKey: file.key,
        contentSha256: file.sha256,
        sizeBytes: BigInt(file.sizeBytes),
        format: "STEP",
        visitorToken: "visitor-crash",
      },
    });
    await enqueueJobs(db, [followUpJob("parts.analyze", { partId: part.id })]);
    // The worker claims it, then loads its CAD kernels for seconds: killed in that window.
    await waitFor(
      "the part to be ANALYZING",
      async () =>
        (await db!.part.findUnique({ where: { id: part.id } }))?.status === "ANALYZING" ? true : undefined,
      60_000,
    );
    worker.child.kill("SIGKILL");
    await worker.exited;
    await db.$disconnect();
    // The database went with the worker (setpriv --pdeathsig); give it a moment to be gone.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const restartedAt = Date.now();
    worker = await startWorker();
    await db.$connect();
    const status = await waitFor(
      "the part to be analysed",
      async () => {
        const current = await db!.part.findUniqueOrThrow({ where: { id: part.id } });
        return current.status === "ANALYZED" || current.status === "FAILED" ? current.status : undefined;
      },
      60_000,
    );
    const seconds = (Date.now() - restartedAt) / 1000;
    console.warn(`kill -9 recovery: part analysed ${seconds.toFixed(1)} s after the restart`);
    expect(status).toBe("ANALYZED");
    expect(seconds).toBeLessThanOrEqual(60);
  }, 240_000);

  it("stops with exit code 1 when its PostgreSQL dies under it", async () => {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    await db?.$disconnect();
    process.kill(pid, "SIGKILL");
    const code = await Promise.race([
      worker!.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 20_000)),
    ]);
    expect(code).toBe(1);
    expect(worker!.output.join("")).toMatch(/PostgreSQL stopped unexpectedly|database connection broke/);
  }, 40_000);
});
