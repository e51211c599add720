import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chunkedStream } from "../../tests/fixtures/streams";
import { createLocalFileStorage } from "../storage/local-file-storage";
import { sniffStoredFormat } from "./sniff-stored-format";

describe("the format of a stored upload whose name has no CAD extension", () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "sniff-test-"));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it("is read from the file's first bytes: STEP, binary STL, IGES; nothing for a text file", async () => {
    const storage = createLocalFileStorage(root);
    for (const [fixture, format] of [
      ["nist_ftc_06_asme1_ap242-e2.stp", "step"],
      ["far_from_origin_cube10_binary.stl", "stl"],
      ["occt_cube10x10.igs", "iges"],
    ] as const) {
      const bytes = readFileSync(`tests/fixtures/cad/${fixture}`);
      const stored = await storage.put(chunkedStream(bytes), { maxBytes: 10_000_000 });
      expect([fixture, await sniffStoredFormat(storage, stored.key, stored.sizeBytes)]).toEqual([
        fixture,
        format,
      ]);
    }
    const notes = Buffer.from("Meeting notes\nnothing to make here\n".repeat(300));
    const stored = await storage.put(chunkedStream(notes), { maxBytes: 10_000_000 });
    expect(await sniffStoredFormat(storage, stored.key, stored.sizeBytes)).toBeUndefined();
  });
});
