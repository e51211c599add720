import type { DisplayMesh } from "../../quoting-engine/analysis/analyze-model";

/** "IQM1": the instant-quote display mesh, version 1. */
const magic = 0x314d5149;
const headerBytes = 48;
const hasWallThickness = 1;

/**
 * The viewer's mesh as one compact little-endian binary, stored beside the part and sent to the browser
 * as is: a 48-byte header (magic, vertex and triangle counts, a reserved word, origin as three float64), then
 * positions (float32 × 3 per vertex), indices (uint32 × 3 per triangle), face ids (int32 per triangle)
 * and body ids (uint32 per triangle). Every block starts 4-byte aligned, so typed arrays view it in place.
 * Appended later (flag bits in the reserved word, so meshes stored before stay readable): bit 0, wall
 * thickness in mm (float32 per triangle, NaN where not measured).
 */
export function encodeDisplayMesh(mesh: DisplayMesh): Uint8Array {
  const vertexCount = mesh.positions.length / 3;
  const triangleCount = mesh.indices.length / 3;
  const wall = mesh.wallThicknessMm?.length === triangleCount ? mesh.wallThicknessMm : undefined;
  const bytes = new Uint8Array(
    headerBytes + vertexCount * 12 + triangleCount * 20 + (wall ? triangleCount * 4 : 0),
  );
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, true);
  view.setUint32(4, vertexCount, true);
  view.setUint32(8, triangleCount, true);
  view.setUint32(12, wall ? hasWallThickness : 0, true); // flags of appended blocks
  mesh.originMm.forEach((value, axis) => view.setFloat64(16 + axis * 8, value, true));
  let offset = headerBytes;
  for (const block of [mesh.positions, mesh.indices, mesh.faceIds, mesh.bodyIds, ...(wall ? [wall] : [])]) {
    bytes.set(new Uint8Array(block.buffer, block.byteOffset, block.byteLength), offset);
    offset += block.byteLength;
  }
  return bytes;
}

/** Reads what `encodeDisplayMesh` wrote; throws on anything else (a truncated or foreign file). */
export function decodeDisplayMesh(bytes: Uint8Array): DisplayMesh {
  if (bytes.byteLength < headerBytes) throw new Error("Display mesh too short for its header.");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== magic) throw new Error("Not a display mesh (wrong magic number).");
  const vertexCount = view.getUint32(4, true);
  const triangleCount = view.getUint32(8, true);
  const flags = view.getUint32(12, true);
  const wallBytes = flags & hasWallThickness ? triangleCount * 4 : 0;
  if (bytes.byteLength !== headerBytes + vertexCount * 12 + triangleCount * 20 + wallBytes)
    throw new Error("Display mesh length does not match its header.");
  // Copy into an aligned buffer so every block can be viewed in place.
  const buffer = bytes.slice().buffer;
  let offset = headerBytes;
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number): T => {
    const block = make(buffer, offset, length);
    offset += length * 4;
    return block;
  };
  return {
    originMm: [view.getFloat64(16, true), view.getFloat64(24, true), view.getFloat64(32, true)],
    positions: take((b, o, l) => new Float32Array(b, o, l), vertexCount * 3),
    indices: take((b, o, l) => new Uint32Array(b, o, l), triangleCount * 3),
    faceIds: take((b, o, l) => new Int32Array(b, o, l), triangleCount),
    bodyIds: take((b, o, l) => new Uint32Array(b, o, l), triangleCount),
    ...(wallBytes > 0
      ? { wallThicknessMm: take((b, o, l) => new Float32Array(b, o, l), triangleCount) }
      : {}),
  };
}
