import { fdmScratch } from "./fdm-scratch";

/**
 * Per half-edge of a closed, clean mesh (`edgeMates`: every half-edge has its mate), whether the two
 * triangles on it turn by more than the corner angle: `sharpEdges` without numbering the edges (a half-edge
 * and its mate get the same answer, the same dot product).
 */
export function sharpHalfEdges(
  flatNormals: Float64Array,
  edgeMates: Int32Array,
  cornerCos: number,
): Uint8Array {
  const sharp = fdmScratch("sharpHalfEdge", Uint8Array, edgeMates.length, true);
  for (let halfEdge = 0; halfEdge < edgeMates.length; halfEdge++) {
    const mate = edgeMates[halfEdge]!;
    if (mate < halfEdge) continue;
    const t1 = (halfEdge / 3) | 0;
    const t2 = (mate / 3) | 0;
    const turn =
      flatNormals[t1 * 2]! * flatNormals[t2 * 2]! + flatNormals[t1 * 2 + 1]! * flatNormals[t2 * 2 + 1]!;
    if (turn < cornerCos) {
      sharp[halfEdge] = 1;
      sharp[mate] = 1;
    }
  }
  return sharp;
}
