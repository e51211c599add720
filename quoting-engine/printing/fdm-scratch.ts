type ScratchArray = Float64Array | Float32Array | Int32Array | Uint8Array;
type ScratchKind<T extends ScratchArray> = new (length: number) => T;

/** The arrays kept between calls, by the name of their use, and the names asked for since the last release. */
const kept = new Map<string, ScratchArray>();
const asked = new Set<string>();

/**
 * A typed array of `length` for the FDM layer profile's per-triangle and per-segment work, taken from
 * the one kept under `name` from the last call when it fits (not more than 4 × the length needed, so a
 * large mesh's arrays go once smaller ones follow), else a new one kept for the next call. Its values
 * are whatever the last call left: `zeroed` clears them. A fresh array of a million entries costs its
 * pages (the kernel zeroes them on first touch, about twice the work of writing them again) and, being
 * memory outside the heap, brings the garbage collector's full collections forward; the profile takes
 * ~80 MB of them per million triangles. Each name is one use at a time (the profile is synchronous);
 * `releaseUnaskedFdmScratch` at the end of a profile lets go of the arrays it did not ask for.
 */
export function fdmScratch<T extends ScratchArray>(
  name: string,
  kind: ScratchKind<T>,
  length: number,
  zeroed = false,
): T {
  asked.add(name);
  const held = kept.get(name);
  if (held instanceof kind && held.length >= length && held.length <= 4 * length + 4096) {
    const view = held.subarray(0, length) as T;
    if (zeroed) view.fill(0);
    return view;
  }
  const fresh = new kind(length);
  kept.set(name, fresh);
  return fresh;
}

/** Lets go of the kept arrays not asked for since the last call (a path or stage the last profile did not take). */
export function releaseUnaskedFdmScratch(): void {
  for (const name of kept.keys()) if (!asked.has(name)) kept.delete(name);
  asked.clear();
}

/** Lets go of every kept array (an idle worker, see analysis/analysis-worker.ts). */
export function releaseAllFdmScratch(): void {
  kept.clear();
  asked.clear();
}

/** The bytes of all kept arrays. */
export function keptFdmScratchBytes(): number {
  let bytes = 0;
  for (const array of kept.values()) bytes += array.byteLength;
  return bytes;
}
