import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { chunkedStream, readAll } from "../../tests/fixtures/streams";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { createLocalFileStorage } from "./local-file-storage";

describe("local file storage", () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "storage-test-"));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it("stores a stream under its SHA-256 and reads back the same bytes", async () => {
    const storage = createLocalFileStorage(root);
    const bytes = Buffer.from("solid cube\n".repeat(5000));
    const stored = await storage.put(chunkedStream(bytes), { maxBytes: 1_000_000 });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(stored).toEqual({
      key: `sha256/${sha256.slice(0, 2)}/${sha256}`,
      sha256,
      sizeBytes: bytes.length,
    });
    expect(await storage.exists(stored.key)).toBe(true);
    expect((await readAll(await storage.get(stored.key))).equals(bytes)).toBe(true);
  });

  it("stores the same content once", async () => {
    const storage = createLocalFileStorage(root);
    const first = await storage.put(chunkedStream(Buffer.from("same")), { maxBytes: 100 });
    const second = await storage.put(chunkedStream(Buffer.from("same")), { maxBytes: 100 });
    expect(second.key).toBe(first.key);
  });

  it("stops a stream over the limit with payload_too_large and leaves no file behind", async () => {
    const storage = createLocalFileStorage(root);
    const error = await storage
      .put(chunkedStream(Buffer.alloc(5000, 1)), { maxBytes: 4096 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("payload_too_large");
    expect((error as AppError).message).toContain("larger than the limit");
    expect(await fs.readdir(path.join(root, "tmp"))).toEqual([]);
    await expect(fs.access(path.join(root, "sha256"))).rejects.toThrow();
  });

  it("leaves no file behind when the upload breaks off", async () => {
    const storage = createLocalFileStorage(root);
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(100));
        this.destroy(new Error("connection reset"));
      },
    });
    await expect(storage.put(broken, { maxBytes: 10_000 })).rejects.toThrow("connection reset");
    expect(await fs.readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("answers not_found for a missing key and refuses keys that are not its own", async () => {
    const storage = createLocalFileStorage(root);
    await expect(storage.get(`sha256/ab/${"ab".repeat(32)}`)).rejects.toMatchObject({ code: "not_found" });
    await expect(storage.get("../../etc/passwd")).rejects.toThrow("Not a storage key");
  });
});
