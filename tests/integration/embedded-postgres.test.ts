import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres-server";

const dataDir = path.join(os.tmpdir(), `instant-quote-test-lifecycle-${process.pid}`);
const port = 54359 + Number(process.env.VITEST_POOL_ID ?? 0);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the embedded PostgreSQL server", () => {
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(`${dataDir}.password`, { force: true });
  });

  it("runs as an unprivileged user, keeps its data across a restart, and stops its process", async () => {
    const first = await startEmbeddedPostgres({ dataDir, port });
    await first.ensureDatabase("lifecycle");
    const client = new pg.Client({ connectionString: first.connectionUrl("lifecycle") });
    await client.connect();
    await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
    await client.end();
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const serverUid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    // initdb and postgres refuse root; as root the server runs as the unprivileged user "postgres".
    expect(serverUid).not.toBe(0);
    await first.stop();
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port });
    const again = new pg.Client({ connectionString: second.connectionUrl("lifecycle") });
    await again.connect();
    expect((await again.query("SELECT value FROM kept")).rows).toEqual([{ value: "still here" }]);
    await again.end();
    await second.stop();
  });

  it("takes its server down with it when the owning process is killed with SIGKILL", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/fixtures/start-embedded-postgres-child.ts", dataDir, String(port)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("READY") && resolve());
      child.once("exit", (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(isAlive(pid)).toBe(true);
    child.kill("SIGKILL");
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isAlive(pid)).toBe(false);

    const restarted = await startEmbeddedPostgres({ dataDir, port });
    await restarted.stop();
  });
});
