/** Edges whose two triangles' horizontal normals turn by more than the corner angle. */
export function sharpEdges(
  flatNormals: Float64Array,
  edges: { count: number; triangles: Int32Array },
  cornerCos: number,
): Uint8Array {
  const sharp = new Uint8Array(edges.count);
  for (let e = 0; e < edges.count; e++) {
    const t1 = edges.triangles[e * 2]!;
    const t2 = edges.triangles[e * 2 + 1]!;
    if (t1 < 0 || t2 < 0) continue;
    const turn =
      flatNormals[t1 * 2]! * flatNormals[t2 * 2]! + flatNormals[t1 * 2 + 1]! * flatNormals[t2 * 2 + 1]!;
    if (turn < cornerCos) sharp[e] = 1;
  }
  return sharp;
}
