import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildZip } from "../../../tests/fixtures/zip-archive-builder";
import { readZipDirectory } from "./read-zip-directory";
import { ZipError } from "./zip-error";

function reasonOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ZipError) return error.reason;
    throw error;
  }
  return "read";
}

describe("readZipDirectory reads the central directory", () => {
  it("lists the entries a zip tool writes, stored and deflated, with their sizes, checksums and offsets", () => {
    const archive = zipSync({
      "stored.txt": [strToU8("hello"), { level: 0 }],
      "3D/deflated.model": [strToU8("x".repeat(1000)), { level: 9 }],
    });
    const entries = readZipDirectory(archive);
    expect(entries.map(({ name, method, uncompressedSize }) => ({ name, method, uncompressedSize }))).toEqual(
      [
        { name: "stored.txt", method: 0, uncompressedSize: 5 },
        { name: "3D/deflated.model", method: 8, uncompressedSize: 1000 },
      ],
    );
    expect(entries[0]!.compressedSize).toBe(5);
    expect(entries[0]!.crc32).toBe(0x3610a686); // CRC-32 of "hello"
    expect(entries[0]!.localHeaderOffset).toBe(0);
    expect(entries[1]!.compressedSize).toBeLessThan(100);
    expect(entries[1]!.localHeaderOffset).toBe(30 + "stored.txt".length + 5);
  });

  it("keeps folders, whose names end in a slash, for the caller to skip", () => {
    const entries = readZipDirectory(
      buildZip([
        { name: "3D/", data: "", method: 0 },
        { name: "3D/a", data: "a" },
      ]),
    );
    expect(entries.map((entry) => entry.name)).toEqual(["3D/", "3D/a"]);
  });

  it("decodes UTF-8 names", () => {
    expect(readZipDirectory(buildZip([{ name: "Teile/Gehäuse.model", data: "x" }]))[0]!.name).toBe(
      "Teile/Gehäuse.model",
    );
  });

  it("finds the end record behind an archive comment", () => {
    const entries = readZipDirectory(
      buildZip([{ name: "a", data: "a" }], { comment: "made by a test ".repeat(100) }),
    );
    expect(entries.map((entry) => entry.name)).toEqual(["a"]);
  });

  it("takes sizes and the local header offset from a ZIP64 extra field", () => {
    const archive = buildZip([
      { name: "first", data: "1" },
      { name: "second", data: "second entry", method: 0, zip64: true },
    ]);
    const second = readZipDirectory(archive)[1]!;
    expect(second).toMatchObject({ name: "second", compressedSize: 12, uncompressedSize: 12 });
    expect(second.localHeaderOffset).toBeGreaterThan(0);
    expect(
      new TextDecoder().decode(
        archive.subarray(second.localHeaderOffset + 30, second.localHeaderOffset + 36),
      ),
    ).toBe("second");
  });

  it("follows the ZIP64 locator to the ZIP64 end record when the end record is saturated", () => {
    const archive = buildZip(
      [
        { name: "a", data: "a" },
        { name: "b", data: "b" },
      ],
      { zip64Directory: true },
    );
    expect(readZipDirectory(archive).map((entry) => entry.name)).toEqual(["a", "b"]);
  });
});

describe("readZipDirectory refuses archives it cannot read as damaged", () => {
  const valid = buildZip([{ name: "a.model", data: "<model/>" }]);
  const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endRecord = valid.length - 22;
  const withChange = (change: (bytes: Uint8Array) => void) => {
    const copy = valid.slice();
    change(copy);
    return copy;
  };

  it.each([
    ["no bytes", new Uint8Array(0)],
    ["fewer bytes than an end record", new Uint8Array(21)],
    ["bytes without an end record", new Uint8Array(4096).fill(7)],
    ["an archive cut short before its end record", valid.subarray(0, valid.length - 10)],
    [
      "a directory that runs past the end of the bytes",
      withChange((bytes) => view(bytes).setUint32(endRecord + 12, 10_000, true)),
    ],
    [
      "a directory record without its signature",
      withChange((bytes) => view(bytes).setUint32(view(bytes).getUint32(endRecord + 16, true), 0, true)),
    ],
    [
      "more entries than the directory holds",
      withChange((bytes) => view(bytes).setUint16(endRecord + 10, 2, true)),
    ],
    [
      "a record whose name runs past the directory",
      withChange((bytes) =>
        view(bytes).setUint16(view(bytes).getUint32(endRecord + 16, true) + 28, 500, true),
      ),
    ],
    [
      "a saturated end record without a ZIP64 locator",
      withChange((bytes) => view(bytes).setUint16(endRecord + 10, 0xffff, true)),
    ],
  ])("%s", (_, bytes) => {
    expect(reasonOf(() => readZipDirectory(bytes))).toBe("damaged");
  });

  it("refuses a ZIP64 extra field too short for the saturated fields", () => {
    const archive = buildZip([{ name: "a", data: "a", method: 0, zip64: true }]);
    const directory = view(archive).getUint32(archive.length - 22 + 16, true);
    view(archive).setUint16(directory + 46 + 1 + 2, 8, true); // the extra field now holds one value of three
    expect(reasonOf(() => readZipDirectory(archive))).toBe("damaged");
  });

  it("refuses a ZIP64 value past 2^53, which no array could hold", () => {
    const archive = buildZip([{ name: "a", data: "a", method: 0, zip64: true }]);
    const directory = view(archive).getUint32(archive.length - 22 + 16, true);
    view(archive).setUint32(directory + 46 + 1 + 4 + 4, 0x00200000, true); // high word of the uncompressed size
    expect(reasonOf(() => readZipDirectory(archive))).toBe("damaged");
  });
});
