/** Insertion sort of one column's hits by height (columns hold a handful). */
export function sortHits(z: Float64Array, nz: Float32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const zi = z[i]!;
    const ni = nz[i]!;
    let j = i - 1;
    while (j >= start && z[j]! > zi) {
      z[j + 1] = z[j]!;
      nz[j + 1] = nz[j]!;
      j--;
    }
    z[j + 1] = zi;
    nz[j + 1] = ni;
  }
}
