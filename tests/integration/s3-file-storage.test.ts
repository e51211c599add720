import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { chunkedStream, readAll } from "../fixtures/streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3FileStorage } from "../../lib/storage/s3-file-storage";

// s3rver is a local server that speaks the S3 HTTP protocol, so the real AWS SDK is exercised end to end.
const bucket = "cad-files";
// The port is the operating system's choice: a fixed one in the ephemeral range collided with the local
// end of a database connection on CI (EADDRINUSE).
const clientConfig = {
  region: "eu-central-1",
  endpoint: "http://127.0.0.1:0",
  forcePathStyle: true,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
};

describe("S3 file storage", () => {
  let server: S3rver;
  let directory: string;
  let storage: ReturnType<typeof createS3FileStorage>;
  const listKeys = async () =>
    (
      (await new S3Client(clientConfig).send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []
    ).map((object) => object.Key);

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "s3rver-"));
    server = new S3rver({
      port: 0,
      address: "127.0.0.1",
      directory,
      silent: true,
      configureBuckets: [{ name: bucket, configs: [] }],
    });
    const { port } = (await server.run()) as { port: number };
    clientConfig.endpoint = `http://127.0.0.1:${port}`;
    storage = createS3FileStorage({ bucket, client: clientConfig });
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("streams a multi-part upload to its content-addressed key and reads it back", async () => {
    const bytes = Buffer.alloc(12 * 1024 * 1024);
    for (let index = 0; index < bytes.length; index += 4096) bytes.writeUInt32LE(index, index);
    const stored = await storage.put(chunkedStream(bytes), {
      maxBytes: 20 * 1024 * 1024,
      contentType: "model/step",
    });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(stored).toEqual({
      key: `sha256/${sha256.slice(0, 2)}/${sha256}`,
      sha256,
      sizeBytes: bytes.length,
    });
    expect(await storage.exists(stored.key)).toBe(true);
    expect((await readAll(await storage.get(stored.key))).equals(bytes)).toBe(true);
    expect(await listKeys()).toEqual([stored.key]);
  });

  it("aborts an upload over the limit with payload_too_large and leaves no object or part behind", async () => {
    const before = await listKeys();
    const error = await storage
      .put(chunkedStream(Buffer.alloc(10 * 1024 * 1024, 7)), { maxBytes: 9 * 1024 * 1024 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "payload_too_large" });
    expect(await listKeys()).toEqual(before);
  });

  it("answers not_found for a missing key and deletes what it stored", async () => {
    const stored = await storage.put(chunkedStream(Buffer.from("small drawing")), { maxBytes: 1000 });
    await storage.delete(stored.key);
    expect(await storage.exists(stored.key)).toBe(false);
    await expect(storage.get(stored.key)).rejects.toMatchObject({ code: "not_found" });
  });
});
