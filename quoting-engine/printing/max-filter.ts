/**
 * Running maximum over ±radius cells along one grid direction (stride 1: rows, stride nx: columns), in
 * three passes per line whatever the radius (van Herk / Gil–Werman: maxima from the start and from the
 * end of blocks of 2 × radius + 1 cells, over the line padded by radius cells of −∞ at each end; a
 * window then spans exactly one block or parts of two).
 */
export function maxFilter(
  values: Float64Array,
  nx: number,
  ny: number,
  radius: number,
  stride: number,
): Float64Array {
  const out = new Float64Array(values.length);
  const lines = stride === 1 ? ny : nx;
  const length = stride === 1 ? nx : ny;
  const step = stride === 1 ? nx : 1;
  const block = 2 * radius + 1;
  const padded = length + 2 * radius;
  const fromStart = new Float64Array(padded);
  const fromEnd = new Float64Array(padded);
  for (let line = 0; line < lines; line++) {
    const base = line * step;
    const at = (k: number): number =>
      k < radius || k >= length + radius ? -Infinity : values[base + (k - radius) * stride]!;
    for (let k = 0; k < padded; k++)
      fromStart[k] = k % block === 0 ? at(k) : Math.max(fromStart[k - 1]!, at(k));
    for (let k = padded - 1; k >= 0; k--)
      fromEnd[k] = k === padded - 1 || (k + 1) % block === 0 ? at(k) : Math.max(fromEnd[k + 1]!, at(k));
    // Cell i's window is padded cells i … i + 2 × radius.
    for (let i = 0; i < length; i++)
      out[base + i * stride] = Math.max(fromEnd[i]!, fromStart[i + 2 * radius]!);
  }
  return out;
}
