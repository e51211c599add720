import type { Readable } from "node:stream";

export interface StoredFile {
  /** Content-addressed: `sha256/<first two hex>/<hash>`, so the same bytes are stored once. */
  key: string;
  sha256: string;
  sizeBytes: number;
}

/** Where uploaded CAD files, drawings and documents live: a local directory or an S3-compatible store. */
export interface FileStorage {
  /**
   * Streams `body` into storage without holding it in memory. Fails with AppError `payload_too_large`
   * once more than `maxBytes` arrive, and then leaves nothing behind.
   */
  put(body: Readable, options: { maxBytes: number; contentType?: string }): Promise<StoredFile>;
  /** Fails with AppError `not_found` when there is no such key. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every stored file's key and last change (the daily storage check, lib/storage/check-stored-files.ts). */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
  /** Throws when the store cannot be reached or written (/api/health). */
  probe(): Promise<void>;
}

export function keyForSha256(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

const keyPattern = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** Keys come from our database, but a key is also a path: refuse anything that is not one of ours. */
export function assertValidKey(key: string): void {
  if (!keyPattern.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
}
