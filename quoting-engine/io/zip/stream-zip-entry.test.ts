import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildZip, type TestZipEntry } from "../../../tests/fixtures/zip-archive-builder";
import { readZipDirectory } from "./read-zip-directory";
import { streamZipEntry, type StreamZipEntryOptions } from "./stream-zip-entry";
import { ZipError } from "./zip-error";

/** Streams the first entry of `archive`, collecting what comes out. */
function stream(archive: Uint8Array, options: Partial<StreamZipEntryOptions> = {}) {
  const entry = readZipDirectory(archive)[0]!;
  const chunks: Uint8Array[] = [];
  const produced = streamZipEntry(archive, entry, {
    maxBytes: 1024 ** 3,
    sink: (chunk) => chunks.push(chunk),
    ...options,
  });
  const content = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    content.set(chunk, at);
    at += chunk.length;
  }
  return { produced, chunks, content };
}

function failure(archive: Uint8Array, options: Partial<StreamZipEntryOptions> = {}): ZipError {
  try {
    stream(archive, options);
  } catch (error) {
    if (error instanceof ZipError) return error;
    throw error;
  }
  throw new Error("the entry was read");
}

const one = (entry: TestZipEntry) => buildZip([entry]);
/** Bytes that barely compress, so that their Deflate data spans many 16 KiB input chunks. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe("streamZipEntry unpacks an entry", () => {
  it("passes a stored entry through and returns its size", () => {
    const { produced, content } = stream(zipSync({ "a.txt": [strToU8("stored text"), { level: 0 }] }));
    expect(produced).toBe(11);
    expect(new TextDecoder().decode(content)).toBe("stored text");
  });

  it("inflates a deflated entry", () => {
    const text = '<vertex x="1" y="2" z="3"/>'.repeat(500);
    const { produced, content } = stream(zipSync({ "3D/3dmodel.model": [strToU8(text), { level: 6 }] }));
    expect(produced).toBe(text.length);
    expect(new TextDecoder().decode(content)).toBe(text);
  });

  it("inflates Deflate data that spans many 16 KiB input chunks, handing over no empty chunk", () => {
    const data = noise(200_000);
    const archive = one({ name: "noise", data });
    expect(readZipDirectory(archive)[0]!.compressedSize).toBeGreaterThan(10 * 16_384);
    const { content, chunks } = stream(archive);
    expect(Buffer.from(content).equals(Buffer.from(data))).toBe(true);
    expect(chunks.every((chunk) => chunk.length > 0)).toBe(true);
  });

  it("reads a stored entry of many chunks in chunks of 16 KiB", () => {
    const data = noise(40_000);
    const { content, chunks } = stream(one({ name: "noise", data, method: 0 }));
    expect(Buffer.from(content).equals(Buffer.from(data))).toBe(true);
    expect(chunks.map((chunk) => chunk.length)).toEqual([16_384, 16_384, 40_000 - 2 * 16_384]);
  });

  it("trusts the central directory when the local header carries zero sizes (a data descriptor follows)", () => {
    const { content } = stream(one({ name: "a", data: "described later", zeroLocalSizes: true }));
    expect(new TextDecoder().decode(content)).toBe("described later");
  });

  it("unpacks an empty entry without calling the sink", () => {
    const { produced, chunks } = stream(zipSync({ empty: [new Uint8Array(0), { level: 6 }] }));
    expect(produced).toBe(0);
    expect(chunks).toEqual([]);
  });

  it("reads a ZIP64 entry at the offset its extra field names", () => {
    const archive = buildZip([
      { name: "first", data: "1" },
      { name: "second", data: "the second entry", zip64: true },
    ]);
    const entry = readZipDirectory(archive)[1]!;
    const chunks: Uint8Array[] = [];
    streamZipEntry(archive, entry, { maxBytes: 100, sink: (chunk) => chunks.push(chunk) });
    expect(new TextDecoder().decode(chunks[0])).toBe("the second entry");
  });

  it("skips the checksum only when asked to", () => {
    const archive = one({ name: "a", data: "checked", crc32: 0x12345678 });
    expect(failure(archive).reason).toBe("damaged");
    expect(new TextDecoder().decode(stream(archive, { verifyCrc: false }).content)).toBe("checked");
  });
});

describe("streamZipEntry refuses what it must not read", () => {
  it("refuses an encrypted entry", () => {
    const error = failure(one({ name: "secret.model", data: "x", flags: 1 }));
    expect(error).toMatchObject({ reason: "encrypted", entryName: "secret.model" });
  });

  it("refuses a compression method other than stored and Deflate, naming it", () => {
    const error = failure(one({ name: "a", data: "x", method: 12 }));
    expect(error).toMatchObject({ reason: "unsupported_method", entryName: "a", method: 12 });
  });

  it("refuses an entry whose declared size exceeds the limit before unpacking anything", () => {
    const chunks: Uint8Array[] = [];
    const error = failure(one({ name: "a", data: "x".repeat(2000) }), {
      maxBytes: 1000,
      sink: (chunk) => chunks.push(chunk),
    });
    expect(error.reason).toBe("too_large");
    expect(chunks).toEqual([]);
  });

  it("stops a ZIP bomb whose header understates its size once the output passes the limit", () => {
    // 16 MiB of zeros deflate to about 16 KiB; the directory claims 100 bytes.
    const bomb = one({ name: "bomb", data: new Uint8Array(16 * 1024 * 1024), declaredSize: 100 });
    expect(bomb.length).toBeLessThan(50_000);
    let received = 0;
    const error = failure(bomb, { maxBytes: 1_000_000, sink: (chunk) => (received += chunk.length) });
    expect(error.reason).toBe("too_large");
    expect(received).toBe(0);
  });

  it("refuses more bytes than declared, within the limit, as damaged", () => {
    expect(failure(one({ name: "a", data: "longer than said", declaredSize: 4 })).reason).toBe("damaged");
  });

  it("refuses fewer bytes than declared as damaged", () => {
    expect(failure(one({ name: "a", data: "short", declaredSize: 50 })).reason).toBe("damaged");
  });

  it("refuses a wrong checksum as damaged", () => {
    expect(failure(one({ name: "a", data: "content", crc32: 1 })).reason).toBe("damaged");
  });

  it("refuses corrupt Deflate data as damaged", () => {
    const corrupt = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(failure(one({ name: "a", data: "content", storedBytes: corrupt })).reason).toBe("damaged");
  });

  it("refuses an entry whose local header is missing", () => {
    const archive = one({ name: "a", data: "content" });
    archive[0] = 0; // the local header's signature
    expect(failure(archive).reason).toBe("damaged");
  });

  it("refuses an entry whose data runs past the end of the archive", () => {
    const archive = one({ name: "a", data: "content", method: 0 });
    const entry = { ...readZipDirectory(archive)[0]!, compressedSize: archive.length };
    expect(() => streamZipEntry(archive, entry, { maxBytes: 1000, sink: () => {} })).toThrow(
      expect.objectContaining({ reason: "damaged" }),
    );
  });

  it("lets what the sink throws through unchanged", () => {
    const stop = new Error("the reader has seen enough");
    const archive = one({ name: "noise", data: noise(100_000) });
    const entry = readZipDirectory(archive)[0]!;
    expect(() =>
      streamZipEntry(archive, entry, {
        maxBytes: 1024 ** 2,
        sink: () => {
          throw stop;
        },
      }),
    ).toThrow(stop);
  });
});
