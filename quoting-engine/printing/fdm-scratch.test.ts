import { describe, expect, it } from "vitest";
import { fdmScratch, releaseUnaskedFdmScratch } from "./fdm-scratch";

describe("typed arrays kept between FDM profile calls", () => {
  it("hands the same memory back while it fits, zeroed when asked, and lets a far larger one go", () => {
    const first = fdmScratch("test-a", Float64Array, 10_000);
    first.fill(7);
    const again = fdmScratch("test-a", Float64Array, 8_000);
    expect(again.buffer).toBe(first.buffer);
    expect(again).toHaveLength(8_000);
    expect(again[0]).toBe(7); // not cleared unless asked
    expect(fdmScratch("test-a", Float64Array, 9_000, true).every((value) => value === 0)).toBe(true);
    // A call needing far less (a small part after a large one) gets an array of its own size.
    const small = fdmScratch("test-a", Float64Array, 100);
    expect(small.buffer).not.toBe(first.buffer);
    expect(small.buffer.byteLength).toBe(800);
    // Another kind under the same name is a new array, as is a length beyond the kept one.
    expect(fdmScratch("test-a", Int32Array, 100)).toBeInstanceOf(Int32Array);
    expect(fdmScratch("test-a", Int32Array, 101)).toHaveLength(101);
  });

  it("lets go of the arrays a call did not ask for", () => {
    const kept = fdmScratch("test-b", Int32Array, 1000);
    releaseUnaskedFdmScratch();
    expect(fdmScratch("test-b", Int32Array, 1000).buffer).toBe(kept.buffer);
    releaseUnaskedFdmScratch(); // asked for since the last release: kept
    releaseUnaskedFdmScratch(); // not asked for since: let go
    expect(fdmScratch("test-b", Int32Array, 1000).buffer).not.toBe(kept.buffer);
  });
});
