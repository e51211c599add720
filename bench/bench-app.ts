// The app as `npm start` runs it, for the benches that measure it from outside: started on its own port
// with a fresh embedded PostgreSQL and file folder of its own (removed first), its log in a file, and
// stopped (the whole process group) by `stop()`. Visitor upload quotas are raised, since every simulated
// buyer comes from this one address.
import { spawn } from "node:child_process";
import { mkdirSync, openSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface BenchApp {
  baseUrl: string;
  /** Stops the app (SIGTERM to its process group); once it has exited, removes its database and files. */
  stop: () => Promise<void>;
  /** kill -9 of the app's whole process group (the app, its Next.js server, its embedded PostgreSQL). */
  kill: () => Promise<void>;
  /** Why the app is gone when it exited by itself (see its log), otherwise undefined. */
  gone: () => string | undefined;
}

export function startBenchApp(options: {
  name: string;
  port: number;
  postgresPort: number;
  env?: NodeJS.ProcessEnv;
  /** Start on the data of an earlier start of the same name by this process (a restart), not afresh. */
  keepData?: boolean;
}): BenchApp {
  mkdirSync(".data", { recursive: true });
  const log = openSync(path.join(".data", `${options.name}-app.log`), options.keepData ? "a" : "w");
  const postgresDir = path.join(os.tmpdir(), `instant-quote-${options.name}-${process.pid}`);
  const filesDir = path.join(".data", `${options.name}-files`);
  const app = spawn(
    "sh",
    [
      "-c",
      `${options.keepData ? "" : `rm -rf ${postgresDir} ${postgresDir}.password ${filesDir} && `}exec npx tsx scripts/start.ts`,
    ],
    {
      stdio: ["ignore", log, log],
      detached: true,
      env: {
        ...process.env,
        PORT: String(options.port),
        DATABASE_URL: "",
        EMBEDDED_POSTGRES_DIR: postgresDir,
        EMBEDDED_POSTGRES_PORT: String(options.postgresPort),
        STORAGE_LOCAL_DIR: filesDir,
        AUTH_SECRET: "bench-app-secret-bench-app-secret-bench-app",
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        UPLOAD_VISITOR_FILES_PER_HOUR: "100000",
        UPLOAD_VISITOR_BYTES_PER_DAY: String(100 * 1024 ** 3),
        ...options.env,
      },
    },
  );
  let stopped = false;
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    app.once("exit", (code) => {
      exitCode = code ?? -1;
      resolve();
    }),
  );
  const stop = async () => {
    if (stopped || !app.pid) return;
    stopped = true;
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
    rmSync(postgresDir, { recursive: true, force: true });
    rmSync(`${postgresDir}.password`, { force: true });
    rmSync(filesDir, { recursive: true, force: true });
  };
  process.once("exit", () => {
    if (!stopped && app.pid) process.kill(-app.pid, "SIGTERM");
  });
  return {
    baseUrl: `http://localhost:${options.port}`,
    stop,
    kill: async () => {
      stopped = true;
      try {
        process.kill(-app.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      await exited;
    },
    gone: () =>
      exitCode !== null && !stopped
        ? `the app exited with code ${exitCode} (.data/${options.name}-app.log)`
        : undefined,
  };
}

/** Waits until the app answers its health check. */
export async function waitForApp(
  baseUrl: string,
  timeoutMs: number,
  gone: () => string | undefined = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = gone();
    if (reason) throw new Error(`The app did not start: ${reason}.`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer at ${baseUrl} within ${timeoutMs / 1000} s.`);
}

/**
 * The app the bench measures: the one at `url` when given (e.g. started by bench/targets.ts for several
 * benches), otherwise one of its own, stopped when the bench ends.
 */
export async function benchAppAt(
  url: string | undefined,
  start: Parameters<typeof startBenchApp>[0],
): Promise<BenchApp> {
  const app: BenchApp = url
    ? { baseUrl: url, stop: async () => undefined, kill: async () => undefined, gone: () => undefined }
    : startBenchApp(start);
  process.once("SIGINT", () => {
    void app.stop().finally(() => process.exit(130));
  });
  await waitForApp(app.baseUrl, 600_000, app.gone);
  return app;
}
