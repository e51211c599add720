import { readZipDirectory, type ZipEntry } from "../zip/read-zip-directory";
import { streamZipEntry } from "../zip/stream-zip-entry";
import { ZipError } from "../zip/zip-error";
import { fromZipError, type Budget } from "./read-failure";

/**
 * The parts of a 3MF (OPC) package, keyed by part key (see partKey); folders are left out. Throws a
 * malformed ReadFailure when the archive can't be read.
 */
export function readPackageParts(bytes: Uint8Array, budget: Budget): Map<string, ZipEntry> {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    throw error instanceof ZipError ? fromZipError(error, budget) : error;
  }
  const parts = new Map<string, ZipEntry>();
  for (const entry of entries) {
    const key = partKey(entry.name);
    // OPC forbids duplicate part names; keep the first rather than guess.
    if (!entry.name.endsWith("/") && !parts.has(key)) parts.set(key, entry);
  }
  return parts;
}

/** OPC part names compare case-insensitively and may be percent-encoded; zip names lack the leading slash. */
export function partKey(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all: compare the name as written.
  }
  return decoded.replace(/^\.?\/+/, "").toLowerCase();
}

export function findEntry(entries: Map<string, ZipEntry>, partName: string): ZipEntry | undefined {
  return entries.get(partKey(partName));
}

/**
 * Feeds the uncompressed bytes of a part to `sink` in bounded chunks, within what is left of the size
 * budget, and counts them against it. ZIP failures become ReadFailures; what `sink` throws passes through.
 */
export function streamPart(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  sink: (chunk: Uint8Array) => void,
  /** The checksum is checked by the pass that uses the content; a counting pass may skip it. */
  verifyCrc = true,
): void {
  try {
    budget.usedBytes += streamZipEntry(bytes, entry, {
      maxBytes: budget.limitBytes - budget.usedBytes,
      sink,
      verifyCrc,
    });
  } catch (error) {
    throw error instanceof ZipError ? fromZipError(error, budget) : error;
  }
}
