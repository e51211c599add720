import { ZipError } from "./zip-error";

/** One file of a ZIP archive, as its central-directory record describes it (sizes in bytes). */
export interface ZipEntry {
  name: string;
  /** General-purpose flags; bit 0 marks an encrypted entry. */
  flags: number;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts, from the start of the archive. */
  localHeaderOffset: number;
}

const SIG_CENTRAL_HEADER = 0x02014b50;
const SIG_END_OF_DIRECTORY = 0x06054b50;
const SIG_ZIP64_END_OF_DIRECTORY = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

/**
 * The entries of a ZIP archive in central-directory order, directories included (their names end in "/").
 * Reads the central directory only, which formats such as OPC make authoritative: local headers may carry
 * zero sizes when a data descriptor follows the data. Understands ZIP64 (more than 65,535 entries, sizes
 * and offsets past 4 GiB) up to 2^53 bytes. Nothing is inflated here.
 *
 * Throws `ZipError("damaged")` when there is no end-of-central-directory record in the last 64 KiB + 22
 * bytes, when the directory or one of its records runs past the end of the bytes, or when a signature is
 * wrong.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  let entryCount = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) throw new ZipError("damaged");
    const record = readUint64(view, locator + 8);
    if (record + 56 > view.byteLength || view.getUint32(record, true) !== SIG_ZIP64_END_OF_DIRECTORY) {
      throw new ZipError("damaged");
    }
    entryCount = readUint64(view, record + 32);
    directorySize = readUint64(view, record + 40);
    directoryOffset = readUint64(view, record + 48);
  }
  const directoryEnd = directoryOffset + directorySize;
  if (directoryEnd > view.byteLength) throw new ZipError("damaged");

  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder();
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > directoryEnd || view.getUint32(at, true) !== SIG_CENTRAL_HEADER)
      throw new ZipError("damaged");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) throw new ZipError("damaged");
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at = next;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (
      view.getUint32(at, true) === SIG_END_OF_DIRECTORY &&
      at + 22 + view.getUint16(at + 20, true) <= view.byteLength
    ) {
      return at;
    }
  }
  throw new ZipError("damaged");
}

/** ZIP64 stores the real values of fields saturated at 0xffffffff in an extra field, in this order. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const fieldEnd = field + size;
      const take = (): number => {
        if (field + 8 > fieldEnd) throw new ZipError("damaged", entry.name);
        const value = readUint64(view, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + size;
  }
}

function readUint64(view: DataView, at: number): number {
  if (at + 8 > view.byteLength) throw new ZipError("damaged");
  const low = view.getUint32(at, true);
  const high = view.getUint32(at + 4, true);
  // Past 2^53 the value is not a safe integer, and no array we hold is that large anyway.
  if (high >= 0x200000) throw new ZipError("damaged");
  return high * 0x100000000 + low;
}
