/** Joins two segments' contours: the later root goes under the earlier one. */
export function join(parent: Int32Array, first: number, second: number): void {
  const a = root(parent, first);
  const b = root(parent, second);
  if (a < b) parent[b] = a;
  else if (b < a) parent[a] = b;
}

/** The root of a segment's contour; every segment on the way is put straight under it. */
export function root(parent: Int32Array, node: number): number {
  let r = node;
  while (parent[r] !== r) r = parent[r]!;
  let n = node;
  while (parent[n] !== r) {
    const next = parent[n]!;
    parent[n] = r;
    n = next;
  }
  return r;
}
