// Decision 0069: an API upload streams into storage while it is hashed for its Idempotency-Key, instead of
// being held in memory whole; the size limit stops it mid-stream and leaves no file; a replayed or
// conflicting upload leaves no file of its own.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { resetEnvCache } from "../../lib/env";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./setup/test-database";

vi.mock("server-only", () => ({}));
vi.mock("../../lib/auth/current-user", () => ({ getCurrentUser: async () => null }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const chunkBytes = 64 * 1024;

describe("API uploads stream into storage", () => {
  let db: Database;
  let directory: string;
  let uploadPart: Handler;
  let secret: string;

  /** Bytes in storage so far: finished files and the temporary file being written. */
  function bytesOnDisk(): number {
    let total = 0;
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else total += fs.statSync(full).size;
      }
    };
    if (fs.existsSync(directory)) walk(directory);
    return total;
  }

  /**
   * A body of `totalBytes` made on demand, chunk by chunk, that records the most bytes it had handed over
   * that were not yet in storage: what the server held in memory at the worst moment.
   */
  function meteredBody(totalBytes: number, seed: number) {
    const meter = { pulled: 0, mostAhead: 0, finished: false };
    const baseline = bytesOnDisk();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        meter.mostAhead = Math.max(meter.mostAhead, meter.pulled - (bytesOnDisk() - baseline));
        if (meter.pulled >= totalBytes) {
          meter.finished = true;
          return controller.close();
        }
        const chunk = new Uint8Array(Math.min(chunkBytes, totalBytes - meter.pulled)).fill(seed);
        chunk[0] = meter.pulled % 251;
        meter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { stream, meter };
  }

  function post(body: BodyInit, idempotencyKey: string, fileName = "bracket.stl") {
    return uploadPart(
      new Request("http://app.test/api/v1/parts", {
        method: "POST",
        headers: {
          authorization: `Bearer ${secret}`,
          "idempotency-key": idempotencyKey,
          "x-file-name": encodeURIComponent(fileName),
          "content-type": "application/octet-stream",
        },
        body,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
  }

  const storedFiles = () =>
    fs.existsSync(path.join(directory, "sha256"))
      ? fs
          .readdirSync(path.join(directory, "sha256"), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
      : [];

  beforeAll(async () => {
    directory = await fsp.mkdtemp(path.join(os.tmpdir(), "api-upload-streaming-"));
    process.env.DATABASE_URL = await createTestDatabase();
    process.env.STORAGE_LOCAL_DIR = directory;
    process.env.UPLOAD_MAX_BYTES = String(24 * 1024 * 1024);
    resetEnvCache();
    const { getPrisma } = await import("../../lib/db/prisma");
    db = getPrisma();
    await seedDatabase(db);
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    secret = (
      await createApiKey(db, {
        companyId: "seed_company_acme",
        userId: "seed_user_anna",
        name: "ERP",
        scopes: ["parts:write"],
        requestsPerMinute: 600,
      })
    ).secret;
    uploadPart = ((await import("../../app/api/v1/parts/route")) as unknown as { POST: Handler }).POST;
  });
  afterAll(async () => {
    await fsp.rm(directory, { recursive: true, force: true });
  });

  it("writes a 16 MB upload to storage while it arrives, never holding more than a few chunks", async () => {
    const { stream, meter } = meteredBody(16 * 1024 * 1024, 1);
    const response = await post(stream, "stream-1");
    expect(response.status, await response.clone().text()).toBe(201);
    expect(meter.finished).toBe(true);
    // Buffered whole, all 16 MB were handed over before a byte reached storage.
    expect(meter.mostAhead).toBeLessThan(2 * 1024 * 1024);
    const part = (await response.json()) as { part: { id: string; sizeBytes: number } };
    const stored = await db.part.findUniqueOrThrow({ where: { id: part.part.id } });
    expect(Number(stored.sizeBytes)).toBe(16 * 1024 * 1024);
  });

  it("stops an upload over the limit while it streams and leaves no file", async () => {
    const before = storedFiles();
    const { stream, meter } = meteredBody(40 * 1024 * 1024, 2);
    const response = await post(stream, "too-large");
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe("payload_too_large");
    expect(meter.finished).toBe(false);
    expect(meter.pulled).toBeLessThan(30 * 1024 * 1024);
    expect(storedFiles()).toEqual(before);
    expect(fs.readdirSync(path.join(directory, "tmp"))).toEqual([]);
  });

  it("refuses a wrong file name before storing a byte", async () => {
    const { stream, meter } = meteredBody(4 * 1024 * 1024, 3);
    const response = await post(stream, "wrong-name", "notes.docx");
    expect(response.status).toBe(415);
    expect(meter.pulled).toBeLessThan(4 * 1024 * 1024);
  });

  it("a replayed upload answers the first part; another file under the same key is refused and not kept", async () => {
    const first = await post(new Uint8Array(200_000).fill(7), "same-key");
    expect(first.status).toBe(201);
    const filesAfterFirst = storedFiles();
    const replay = await post(new Uint8Array(200_000).fill(7), "same-key");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    const other = await post(new Uint8Array(200_000).fill(8), "same-key");
    expect(other.status).toBe(409);
    expect(storedFiles()).toEqual(filesAfterFirst);
  });
});
