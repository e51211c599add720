/**
 * Small closed meshes for the printing tests, built from boxes: indexed, outward-facing, z up.
 * Each box is its own closed shell (no boolean union), which is what a slicer sees for touching boxes too.
 */
export interface TestMesh {
  positions: Float64Array;
  indices: Uint32Array;
}

type Box = [number, number, number, number, number, number];

const boxFaces = [
  [0, 2, 1],
  [0, 3, 2],
  [4, 5, 6],
  [4, 6, 7],
  [0, 1, 5],
  [0, 5, 4],
  [1, 2, 6],
  [1, 6, 5],
  [2, 3, 7],
  [2, 7, 6],
  [3, 0, 4],
  [3, 4, 7],
];

export function boxesMesh(boxes: Box[]): TestMesh {
  const positions: number[] = [];
  const indices: number[] = [];
  for (const [x0, y0, z0, x1, y1, z1] of boxes) {
    const base = positions.length / 3;
    positions.push(
      x0,
      y0,
      z0,
      x1,
      y0,
      z0,
      x1,
      y1,
      z0,
      x0,
      y1,
      z0,
      x0,
      y0,
      z1,
      x1,
      y0,
      z1,
      x1,
      y1,
      z1,
      x0,
      y1,
      z1,
    );
    for (const face of boxFaces) indices.push(...face.map((corner) => base + corner!));
  }
  return { positions: Float64Array.from(positions), indices: Uint32Array.from(indices) };
}

/** A binary STL of the mesh (what a buyer uploads). */
export function binaryStl({ positions, indices }: TestMesh): Uint8Array {
  const count = indices.length / 3;
  const bytes = new Uint8Array(84 + count * 50);
  const view = new DataView(bytes.buffer);
  view.setUint32(80, count, true);
  for (let t = 0; t < count; t++) {
    const offset = 84 + t * 50 + 12;
    for (let corner = 0; corner < 3; corner++)
      for (let axis = 0; axis < 3; axis++)
        view.setFloat32(
          offset + corner * 12 + axis * 4,
          positions[indices[t * 3 + corner]! * 3 + axis]!,
          true,
        );
  }
  return bytes;
}

/**
 * A prism: the polygon `profile` (x, z points, either winding) extruded `depthMm` along y, as one closed,
 * welded, outward-facing mesh (sloped roofs, undersides and steps that boxes cannot make).
 */
export function prismMesh(profile: [number, number][], depthMm: number): TestMesh {
  const n = profile.length;
  const positions: number[] = [];
  for (const y of [0, depthMm]) for (const [x, z] of profile) positions.push(x, y, z);
  const indices: number[] = [];
  // Caps as fans (the profiles used are star-shaped from their first point), sides as quads.
  for (let i = 1; i < n - 1; i++) indices.push(0, i, i + 1, n, n + i + 1, n + i);
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    indices.push(i, n + i, n + j, i, n + j, j);
  }
  // Outward: flip every triangle when the signed volume comes out negative.
  let volume = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [indices[t]! * 3, indices[t + 1]! * 3, indices[t + 2]! * 3];
    volume +=
      positions[a]! * (positions[b + 1]! * positions[c + 2]! - positions[b + 2]! * positions[c + 1]!) -
      positions[a + 1]! * (positions[b]! * positions[c + 2]! - positions[b + 2]! * positions[c]!) +
      positions[a + 2]! * (positions[b]! * positions[c + 1]! - positions[b + 1]! * positions[c]!);
  }
  if (volume < 0)
    for (let t = 0; t < indices.length; t += 3)
      [indices[t + 1], indices[t + 2]] = [indices[t + 2]!, indices[t + 1]!];
  return { positions: Float64Array.from(positions), indices: Uint32Array.from(indices) };
}

/**
 * A closed, welded, outward-facing torus lying flat (axis z) about the origin: `rings` steps around the
 * axis, `segments` around the tube, two triangles per step: short triangles, as a fine STL has.
 */
export function torusMesh(majorMm: number, minorMm: number, rings: number, segments: number): TestMesh {
  const positions: number[] = [];
  for (let ring = 0; ring < rings; ring++)
    for (let segment = 0; segment < segments; segment++) {
      const phi = (2 * Math.PI * ring) / rings;
      const theta = (2 * Math.PI * segment) / segments;
      const radius = majorMm + minorMm * Math.cos(theta);
      positions.push(radius * Math.cos(phi), radius * Math.sin(phi), minorMm * Math.sin(theta));
    }
  const at = (ring: number, segment: number) => (ring % rings) * segments + (segment % segments);
  const indices: number[] = [];
  for (let ring = 0; ring < rings; ring++)
    for (let segment = 0; segment < segments; segment++)
      indices.push(
        ...[at(ring, segment), at(ring + 1, segment), at(ring + 1, segment + 1)],
        ...[at(ring, segment), at(ring + 1, segment + 1), at(ring, segment + 1)],
      );
  return { positions: Float64Array.from(positions), indices: Uint32Array.from(indices) };
}
