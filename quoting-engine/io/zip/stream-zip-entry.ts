import { Inflate } from "fflate";
import type { ZipEntry } from "./read-zip-directory";
import { ZipError } from "./zip-error";

const SIG_LOCAL_HEADER = 0x04034b50;
/** DEFLATE expands at most about 1032:1, so one 16 KiB input chunk inflates to at most about 16 MiB. */
const INFLATE_INPUT_CHUNK_BYTES = 16 * 1024;

export interface StreamZipEntryOptions {
  /**
   * Most bytes the entry may unpack to. Checked against the declared size before any work and against the
   * bytes actually produced as they come, so an entry whose header understates its size (a ZIP bomb) is
   * stopped within one chunk of the limit.
   */
  maxBytes: number;
  /** Receives the uncompressed bytes in order, in chunks of at most about 16 MiB; never an empty chunk. */
  sink: (chunk: Uint8Array) => void;
  /** Check the CRC-32 at the end (default true). A pass that only counts may skip it. */
  verifyCrc?: boolean;
}

/**
 * Feeds the uncompressed bytes of one entry (stored or deflated) to `sink` in bounded chunks, so a large
 * entry is never held whole. Returns how many bytes it produced, which equals the declared size.
 *
 * Throws `ZipError`: `encrypted`; `unsupported_method` (neither stored nor deflated); `too_large` (declared
 * or produced size past `maxBytes`); `damaged` (bad local header, data past the end of the archive,
 * corrupt Deflate data, more or fewer bytes than declared, CRC-32 mismatch). Whatever `sink` throws passes
 * through unchanged, so a caller may stop the stream with its own error.
 */
export function streamZipEntry(bytes: Uint8Array, entry: ZipEntry, options: StreamZipEntryOptions): number {
  const { maxBytes, sink, verifyCrc = true } = options;
  if (entry.flags & 1) throw new ZipError("encrypted", entry.name);
  if (entry.uncompressedSize > maxBytes) throw new ZipError("too_large", entry.name);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== SIG_LOCAL_HEADER) {
    throw new ZipError("damaged", entry.name);
  }
  const dataStart = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new ZipError("damaged", entry.name);

  let produced = 0;
  let crc = 0xffffffff;
  // Set once a chunk has been refused or the sink has thrown: that error is not the inflater's fault.
  let acceptFailed = false;
  const accept = (chunk: Uint8Array): void => {
    try {
      produced += chunk.length;
      // The declared size may lie: count what actually comes out.
      if (produced > maxBytes) throw new ZipError("too_large", entry.name);
      if (produced > entry.uncompressedSize) throw new ZipError("damaged", entry.name);
      if (verifyCrc) crc = updateCrc32(crc, chunk);
      if (chunk.length > 0) sink(chunk);
    } catch (error) {
      acceptFailed = true;
      throw error;
    }
  };

  if (entry.method === 0) {
    for (let at = dataStart; at < dataEnd; at += INFLATE_INPUT_CHUNK_BYTES) {
      accept(bytes.subarray(at, Math.min(dataEnd, at + INFLATE_INPUT_CHUNK_BYTES)));
    }
  } else if (entry.method === 8) {
    const inflater = new Inflate((chunk) => accept(chunk));
    try {
      if (dataStart === dataEnd) inflater.push(new Uint8Array(0), true);
      for (let at = dataStart; at < dataEnd; at += INFLATE_INPUT_CHUNK_BYTES) {
        const chunkEnd = Math.min(dataEnd, at + INFLATE_INPUT_CHUNK_BYTES);
        inflater.push(bytes.subarray(at, chunkEnd), chunkEnd === dataEnd);
      }
    } catch (error) {
      if (acceptFailed) throw error;
      throw new ZipError("damaged", entry.name);
    }
  } else {
    throw new ZipError("unsupported_method", entry.name, entry.method);
  }
  if (produced !== entry.uncompressedSize || (verifyCrc && (crc ^ 0xffffffff) >>> 0 !== entry.crc32)) {
    throw new ZipError("damaged", entry.name);
  }
  return produced;
}

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function updateCrc32(crc: number, chunk: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < chunk.length; i++) c = CRC32_TABLE[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}
