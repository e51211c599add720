import { edgeKey, type SheetFaces } from "./sheet-metal-faces";

/** Boundary edges (directed as their triangles run) joined into closed loops of welded vertices. */
export function chainLoops(edges: [number, number][]): number[][] {
  const outgoing = new Map<number, number[]>();
  for (const [a, b] of edges) {
    const list = outgoing.get(a);
    if (list) list.push(b);
    else outgoing.set(a, [b]);
  }
  const loops: number[][] = [];
  for (const [start] of edges) {
    if (!outgoing.get(start)?.length) continue;
    const loop = [start];
    let current = outgoing.get(start)!.pop()!;
    while (current !== start) {
      loop.push(current);
      const next = outgoing.get(current)?.pop();
      if (next === undefined) break;
      current = next;
    }
    if (loop.length >= 3) loops.push(loop);
  }
  return loops;
}

/** The faces of a hole's wall: those across the hole's contour from side A. */
export function wallFaces(loop: number[], geometry: SheetFaces, sideA: Set<number>): number[] {
  const walls = new Set<number>();
  for (let index = 0; index < loop.length; index++) {
    const key = edgeKey(loop[index]!, loop[(index + 1) % loop.length]!, geometry.vertexCount);
    for (const face of geometry.edgeFaces.get(key) ?? []) if (!sideA.has(face)) walls.add(face);
  }
  return [...walls].sort((a, b) => a - b);
}
