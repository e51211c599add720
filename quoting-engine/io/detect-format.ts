import type { CadFormat } from "../catalogue/catalogue";

/** How much of a file's head telling its format needs (for callers that read only the head). */
export const formatSniffBytes = 4096;

/**
 * The format of a CAD file told from its first bytes, not its name: a STEP file renamed .stl, or saved
 * without an extension, is still read as STEP. Returns undefined when the content matches no format the
 * engine reads. `bytes` may be the file's first few kilobytes only (the browser and the upload sniff those),
 * with `totalBytes` its whole size: a binary STL is told by its triangle count against that size, and a
 * zip whose first kilobytes name no 3MF part is then still taken as 3MF, which the reader settles.
 */
export function detectFormat(bytes: Uint8Array, totalBytes: number = bytes.length): CadFormat | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return isThreeMfZip(bytes, totalBytes) ? "3mf" : undefined;
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (/^ISO-10303-21\s*;/.test(text)) return "step";
  if (/^(DBRep_DrawableShape|CASCADE Topology V\d)/.test(text)) return "brep";
  if (looksLikeIges(head)) return "iges";
  // A binary DXF is mostly not text and would be taken for a binary STL below: the DXF reader tells its buyer
  // to export it as ASCII instead.
  if (looksLikeDxf(text) || text.startsWith("AutoCAD Binary DXF")) return "dxf";
  if (bytes.length >= 84) {
    const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
    if (totalBytes === 84 + declared * 50 && declared > 0) return "stl";
  }
  if (/^solid\b/i.test(text)) return "stl";
  if (nonTextShare(bytes.subarray(0, 4096)) === 0 && /^v\s+[-+.\d][^\n]*\s[-+.\d][^\n]*\s[-+.\d]/m.test(head))
    return "obj";
  // A binary STL header can hold anything; a file that is mostly not text is taken as a (maybe broken) binary STL.
  if (bytes.length >= 84 && nonTextShare(bytes.subarray(0, 4096)) > 0.1) return "stl";
  return undefined;
}

/**
 * ASCII DXF: group-code/value lines, opening with group code 0 and SECTION, after any 999 comment pairs
 * (AutoCAD DXF reference, "DXF file structure"). Binary DXF (its own sentinel line) is told apart but not
 * read: dxf-parser reads ASCII only.
 */
function looksLikeDxf(text: string): boolean {
  const lines = text.split(/\r?\n/, 40).map((line) => line.trim());
  let index = 0;
  while (lines[index] === "999") index += 2;
  return lines[index] === "0" && lines[index + 1] === "SECTION";
}

/** IGES: fixed 80-column records, the first in the Start ('S') or Flag ('F', compressed) section. */
function looksLikeIges(head: string): boolean {
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  return firstLine.length >= 73 && /^[SF]\s*0*1$/.test(firstLine.slice(72, 80).trim());
}

function nonTextShare(bytes: Uint8Array): number {
  let binary = 0;
  for (const byte of bytes) if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) binary++;
  return bytes.length === 0 ? 0 : binary / bytes.length;
}

/**
 * A 3MF package is a zip holding `3D/3dmodel.model` (or another model part under `3D/`; 3MF Core
 * Specification, ch. 2): the names stand uncompressed in each entry's local header and in the central
 * directory at the end. A zip of other files (a STEP file zipped, a Word document) is not one.
 */
function isThreeMfZip(bytes: Uint8Array, totalBytes: number): boolean {
  const names = (part: Uint8Array) => new TextDecoder("latin1").decode(part);
  const head = names(bytes.subarray(0, 65_536));
  if (/3D\/[^/]*\.model/i.test(head)) return true;
  // Only the head was read: the reader decides.
  if (bytes.length < totalBytes) return true;
  return /3D\/[^/]*\.model/i.test(names(bytes.subarray(Math.max(0, bytes.length - 65_536))));
}
