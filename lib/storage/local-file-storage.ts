import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors/app-error";
import { assertValidKey, keyForSha256, type FileStorage } from "./file-storage";
import { SizeLimitedHashingStream } from "./size-limited-hashing-stream";

/** Files in a local directory; writes go to a temporary file that is renamed into place only when complete. */
export function createLocalFileStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);
  const pathFor = (key: string) => {
    assertValidKey(key);
    return path.join(root, key);
  };

  return {
    async put(body, { maxBytes }) {
      const temporaryDir = path.join(root, "tmp");
      await fs.mkdir(temporaryDir, { recursive: true });
      const temporaryPath = path.join(temporaryDir, randomUUID());
      const counter = new SizeLimitedHashingStream(maxBytes);
      try {
        await pipeline(body, counter, createWriteStream(temporaryPath, { flags: "wx" }));
        const sha256 = counter.sha256();
        const key = keyForSha256(sha256);
        await fs.mkdir(path.dirname(pathFor(key)), { recursive: true });
        await fs.rename(temporaryPath, pathFor(key));
        return { key, sha256, sizeBytes: counter.sizeBytes };
      } finally {
        await fs.rm(temporaryPath, { force: true });
      }
    },
    async get(key) {
      const filePath = pathFor(key);
      try {
        await fs.access(filePath);
      } catch {
        throw new AppError("not_found", "The file is no longer in storage.");
      }
      return createReadStream(filePath) as Readable;
    },
    async exists(key) {
      try {
        await fs.access(pathFor(key));
        return true;
      } catch {
        return false;
      }
    },
    async delete(key) {
      await fs.rm(pathFor(key), { force: true });
    },
    async probe() {
      // Created on first use, as put() does; then it must take new files (a read-only or full mount).
      await fs.mkdir(root, { recursive: true });
      await fs.access(root, fs.constants.W_OK);
    },
    async *list() {
      // sha256/<two hex>/<hash>: the temporary folder and anything else are not ours to report.
      const prefixes = await fs.readdir(path.join(root, "sha256")).catch(() => [] as string[]);
      for (const prefix of prefixes.sort()) {
        const names = await fs.readdir(path.join(root, "sha256", prefix)).catch(() => [] as string[]);
        for (const name of names.sort()) {
          const key = `sha256/${prefix}/${name}`;
          if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) continue;
          const stat = await fs.stat(path.join(root, key)).catch(() => undefined);
          if (stat?.isFile()) yield { key, modifiedAt: stat.mtime };
        }
      }
    },
  };
}
