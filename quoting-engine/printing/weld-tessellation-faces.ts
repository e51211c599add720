import { nextPowerOfTwo } from "../analysis/weld-vertices";

/**
 * The triangles of a B-rep kernel's tessellation (a STEP or BREP part's display mesh) with the faces'
 * boundaries welded, for slicing: the kernel meshes each face on its own, with its own copies of the
 * nodes on the face's edges, so a layer's contour would end at every face boundary. OpenCascade puts
 * a shared edge's nodes at the same coordinates in both faces, so vertices of one body with equal
 * coordinates (x, y and z equal as float32 numbers: 0 and −0 are one point) are one vertex here; bodies
 * stay apart (two solids that touch are not one). Returns indices into the same `positions`: each
 * corner becomes the first vertex at its point. Triangles that welding collapses (two corners on one
 * point: the kernel's slivers at a cone's apex) are left out; they have no area and no contour.
 * Linear in vertices and corners, with an open-addressing table over the coordinates' bits.
 */
export function weldTessellationFaces(mesh: {
  positions: Float32Array;
  indices: Uint32Array;
  bodyIds: Uint32Array;
}): Uint32Array {
  const { positions, indices, bodyIds } = mesh;
  const vertexCount = (positions.length / 3) | 0;
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, vertexCount * 3);
  const capacity = nextPowerOfTwo(Math.max(16, vertexCount * 2));
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1); // slot -> the first vertex at its point
  const slotBody = new Uint32Array(capacity);
  const welded = new Int32Array(vertexCount).fill(-1); // vertex -> the first vertex at its point
  const table = { positions, bits, mask, slots, slotBody };
  const out = new Uint32Array(indices.length);
  let kept = 0;
  for (let corner = 0; corner < indices.length; corner += 3) {
    const body = bodyIds[corner / 3]!;
    const a = indices[corner]!;
    const b = indices[corner + 1]!;
    const c = indices[corner + 2]!;
    const wa = welded[a]! >= 0 ? welded[a]! : (welded[a] = weldVertex(table, a, body));
    const wb = welded[b]! >= 0 ? welded[b]! : (welded[b] = weldVertex(table, b, body));
    const wc = welded[c]! >= 0 ? welded[c]! : (welded[c] = weldVertex(table, c, body));
    if (wa === wb || wb === wc || wc === wa) continue;
    out[kept++] = wa;
    out[kept++] = wb;
    out[kept++] = wc;
  }
  return kept === out.length ? out : out.slice(0, kept);
}

/** −0 as 0: the bits of a coordinate, for the hash. */
function coordinateWord(bits: Uint32Array, index: number): number {
  return bits[index]! === 0x80000000 ? 0 : bits[index]!;
}

/**
 * The first vertex of `body` at `vertex`'s point (`vertex` itself when it is the first). A vertex is
 * welded when a triangle first uses it, within that triangle's body. A module function with the table
 * as one literal: a closure made per part lost its compiled code with the part (decision 0101).
 */
function weldVertex(
  table: { positions: Float32Array; bits: Uint32Array; mask: number; slots: Int32Array; slotBody: Uint32Array },
  vertex: number,
  body: number,
): number {
  const { positions, bits, mask, slots, slotBody } = table;
  const base = vertex * 3;
  let hash = Math.imul(2166136261 ^ body, 16777619);
  hash = Math.imul(hash ^ coordinateWord(bits, base), 16777619);
  hash = Math.imul(hash ^ coordinateWord(bits, base + 1), 16777619);
  hash = Math.imul(hash ^ coordinateWord(bits, base + 2), 16777619);
  // Mixed so that high bits (a coordinate's sign, its exponent) reach the slot number too.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  let slot = (hash ^ (hash >>> 13)) & mask;
  for (;;) {
    const occupant = slots[slot]!;
    if (occupant === -1) {
      slots[slot] = vertex;
      slotBody[slot] = body;
      return vertex;
    }
    const other = occupant * 3;
    if (
      slotBody[slot] === body &&
      positions[other] === positions[base] &&
      positions[other + 1] === positions[base + 1] &&
      positions[other + 2] === positions[base + 2]
    )
      return occupant;
    slot = (slot + 1) & mask;
  }
}
