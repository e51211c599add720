/**
 * A closed binary-STL torus (major radius 60 mm, minor 20 mm) of `rings × segments × 2` triangles close to
 * `targetTriangles`, written straight into the file's bytes (no per-triangle arrays, so 3 M triangles
 * take 150 MB, not gigabytes). Every vertex is written with the same float32 numbers by each of its six
 * triangles, as CAD exporters do, so the mesh welds closed.
 */
export function torusStl(targetTriangles: number): { bytes: Uint8Array; triangles: number } {
  // Three segments around the tube for each ring around the axis keep the facets near square.
  const rings = Math.max(3, Math.round(Math.sqrt(targetTriangles / 6)));
  const segments = Math.max(3, Math.round(targetTriangles / 2 / rings));
  const triangles = rings * segments * 2;
  const majorMm = 60;
  const minorMm = 20;
  const bytes = new Uint8Array(84 + 50 * triangles);
  const view = new DataView(bytes.buffer);
  view.setUint32(80, triangles, true);
  const point = new Float32Array(3);
  const at = (ring: number, segment: number) => {
    const phi = (2 * Math.PI * (ring % rings)) / rings;
    const theta = (2 * Math.PI * (segment % segments)) / segments;
    const radius = majorMm + minorMm * Math.cos(theta);
    point[0] = radius * Math.cos(phi);
    point[1] = radius * Math.sin(phi);
    point[2] = minorMm * Math.sin(theta);
    return point;
  };
  let offset = 84;
  const corner = (ring: number, segment: number) => {
    const p = at(ring, segment);
    view.setFloat32(offset, p[0]!, true);
    view.setFloat32(offset + 4, p[1]!, true);
    view.setFloat32(offset + 8, p[2]!, true);
    offset += 12;
  };
  for (let ring = 0; ring < rings; ring++) {
    for (let segment = 0; segment < segments; segment++) {
      // Outward: (ring, segment) → (ring + 1, segment) → (ring + 1, segment + 1), and the other half.
      offset += 12; // the stored normal stays 0: readers recompute it
      corner(ring, segment);
      corner(ring + 1, segment);
      corner(ring + 1, segment + 1);
      offset += 2;
      offset += 12;
      corner(ring, segment);
      corner(ring + 1, segment + 1);
      corner(ring, segment + 1);
      offset += 2;
    }
  }
  return { bytes, triangles };
}
