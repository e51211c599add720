/** A closed binary-STL UV sphere of radius 50 mm with about `targetTriangles` triangles, for timing large meshes. */
export function sphereStl(targetTriangles: number): { bytes: Uint8Array; triangles: number } {
  const rings = Math.round(Math.sqrt(targetTriangles / 2));
  const segments = rings;
  const radius = 50;
  const point = (ring: number, segment: number): [number, number, number] => {
    if (ring === 0) return [0, 0, radius];
    if (ring === rings) return [0, 0, -radius];
    const theta = (Math.PI * ring) / rings;
    const phi = (2 * Math.PI * (segment % segments)) / segments;
    return [
      radius * Math.sin(theta) * Math.cos(phi),
      radius * Math.sin(theta) * Math.sin(phi),
      radius * Math.cos(theta),
    ];
  };
  const triangles: [number, number, number][][] = [];
  for (let ring = 0; ring < rings; ring++) {
    for (let segment = 0; segment < segments; segment++) {
      const a = point(ring, segment),
        b = point(ring + 1, segment),
        c = point(ring + 1, segment + 1),
        d = point(ring, segment + 1);
      if (ring !== rings - 1) triangles.push([a, b, c]);
      if (ring !== 0) triangles.push([a, c, d]);
    }
  }
  const bytes = new Uint8Array(84 + 50 * triangles.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(80, triangles.length, true);
  triangles.forEach((triangle, index) => {
    triangle.forEach((corner, cornerIndex) =>
      corner.forEach((value, axis) =>
        view.setFloat32(84 + index * 50 + 12 + cornerIndex * 12 + axis * 4, value, true),
      ),
    );
  });
  return { bytes, triangles: triangles.length };
}
