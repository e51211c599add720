export type Point = [number, number];

/**
 * Joins open pieces (lines, arcs, open polylines; each a run of points) end to end into closed loops,
 * matching ends within `toleranceMm` and turning pieces round as needed, as CAD exports draw contours
 * in any order and direction. Returns where the first gap is when a chain does not close.
 */
export function chainClosedLoops(
  pieces: readonly Point[][],
  toleranceMm: number,
): { ok: true; loops: Point[][] } | { ok: false; gapAt: Point } {
  const unused = pieces.map((piece) => [...piece]);
  const near = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]) <= toleranceMm;
  const loops: Point[][] = [];
  while (unused.length > 0) {
    const chain = unused.shift()!;
    for (;;) {
      const end = chain[chain.length - 1]!;
      if (chain.length > 2 && near(end, chain[0]!)) {
        chain.pop(); // the closing point repeats the first
        loops.push(chain);
        break;
      }
      const next = unused.findIndex((piece) => near(piece[0]!, end) || near(piece[piece.length - 1]!, end));
      if (next < 0) return { ok: false, gapAt: end };
      const [piece] = unused.splice(next, 1) as [Point[]];
      const oriented = near(piece[0]!, end) ? piece : [...piece].reverse();
      chain.push(...oriented.slice(1));
    }
  }
  return { ok: true, loops };
}
