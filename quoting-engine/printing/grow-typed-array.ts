/** The array twice as long, its values kept. */
export function growFloat<T extends Float64Array<ArrayBuffer> | Float32Array<ArrayBuffer>>(values: T): T {
  const grown = new (values.constructor as new (length: number) => T)(values.length * 2);
  grown.set(values);
  return grown;
}

/** The array twice as long, its values kept. */
export function growInt32(values: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(values.length * 2);
  grown.set(values);
  return grown;
}
