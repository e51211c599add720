/**
 * Working arrays a mesh step needs only while it runs (a hash table, half-edge rows, visit marks), kept
 * per thread and handed out again to the same step on the next file instead of being allocated afresh.
 * A million-triangle mesh needs about 60 MB of them; fresh, each run paid for those pages again (page
 * faults and zeroing, ~30–60 ms) and the collector for freeing them. The contents are whatever the last
 * user left: a step clears what it reads before writing it. A step's result never lives in one of these
 * (but the features' BVH, which `recognizeFeatures` drops before it builds the next), and no step holds
 * one while another step with the same purpose runs (the engine is synchronous).
 * Arrays above `largestKeptBytes` are allocated fresh each time and not kept; `releaseScratchArrays`
 * lets go of all of them (an idle worker, see analysis-worker.ts).
 */
const kept = new Map<string, ArrayBuffer>();
const largestKeptBytes = 64 * 1024 * 1024;

function scratchBuffer(purpose: string, bytes: number): ArrayBuffer {
  const held = kept.get(purpose);
  if (held && held.byteLength >= bytes) return held;
  const buffer = new ArrayBuffer(bytes);
  if (bytes <= largestKeptBytes) kept.set(purpose, buffer);
  else kept.delete(purpose);
  return buffer;
}

// The mesh steps are compiled with this function inlined on a small mesh that never needs a larger
// array after its first run: without type feedback for the allocation above, the compiled steps would
// be thrown away on the first large mesh (V8: "insufficient type feedback for construct"). A few
// allocations as the module loads give the feedback (V8 records it from about the ninth call on).
for (let bytes = 8; bytes <= 1 << 15; bytes *= 2) scratchBuffer("allocation feedback", bytes);
kept.delete("allocation feedback");

/** `length` 32-bit integers for `purpose`, left as the last user left them. */
export function scratchInt32Array(purpose: string, length: number): Int32Array {
  return new Int32Array(scratchBuffer(purpose, length * 4), 0, length);
}

/** `length` unsigned 32-bit integers for `purpose`, left as the last user left them. */
export function scratchUint32Array(purpose: string, length: number): Uint32Array {
  return new Uint32Array(scratchBuffer(purpose, length * 4), 0, length);
}

/** `length` 32-bit floats for `purpose`, left as the last user left them. */
export function scratchFloat32Array(purpose: string, length: number): Float32Array {
  return new Float32Array(scratchBuffer(purpose, length * 4), 0, length);
}

/** `length` 64-bit floats for `purpose`, left as the last user left them. */
export function scratchFloat64Array(purpose: string, length: number): Float64Array {
  return new Float64Array(scratchBuffer(purpose, length * 8), 0, length);
}

/** `length` bytes for `purpose`, left as the last user left them. */
export function scratchUint8Array(purpose: string, length: number): Uint8Array {
  return new Uint8Array(scratchBuffer(purpose, length), 0, length);
}

/** Lets go of every kept array: the next step allocates afresh (and keeps that). */
export function releaseScratchArrays(): void {
  kept.clear();
}

/** The bytes of all kept arrays (for the worker's memory measure and its test). */
export function keptScratchBytes(): number {
  let bytes = 0;
  for (const buffer of kept.values()) bytes += buffer.byteLength;
  return bytes;
}
