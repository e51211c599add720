import { describe, expect, it } from "vitest";
import type { DisplayMesh } from "../../quoting-engine/analysis/analyze-model";
import { decodeDisplayMesh, encodeDisplayMesh } from "./display-mesh-codec";

const mesh: DisplayMesh = {
  originMm: [1234567.891, -2.5, 0.125],
  positions: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]),
  indices: new Uint32Array([0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3]),
  faceIds: new Int32Array([0, 1, -1, 2]),
  bodyIds: new Uint32Array([0, 0, 0, 0]),
};

describe("the display mesh codec", () => {
  it("round-trips every array and the float64 origin exactly", () => {
    const bytes = encodeDisplayMesh(mesh);
    expect(bytes.byteLength).toBe(48 + 4 * 12 + 4 * 20);
    expect(decodeDisplayMesh(bytes)).toEqual(mesh);
  });

  it("reads a mesh from a view into a larger buffer at an odd offset", () => {
    const bytes = encodeDisplayMesh(mesh);
    const padded = new Uint8Array(bytes.byteLength + 3);
    padded.set(bytes, 3);
    expect(decodeDisplayMesh(padded.subarray(3))).toEqual(mesh);
  });

  it("appends the wall thickness per triangle (NaN kept) and still reads meshes stored without it", () => {
    const withWalls = { ...mesh, wallThicknessMm: new Float32Array([0.4, Number.NaN, 2, 12.5]) };
    const bytes = encodeDisplayMesh(withWalls);
    expect(bytes.byteLength).toBe(48 + 4 * 12 + 4 * 24);
    const decoded = decodeDisplayMesh(bytes);
    expect([...decoded.wallThicknessMm!]).toEqual([...withWalls.wallThicknessMm]);
    expect({ ...decoded, wallThicknessMm: undefined }).toEqual({ ...mesh, wallThicknessMm: undefined });
    // A mesh stored before the block existed: the same first bytes, reserved word 0, no thickness.
    const old = encodeDisplayMesh(mesh);
    expect(bytes.subarray(48, old.byteLength)).toEqual(old.subarray(48));
    expect(decodeDisplayMesh(old).wallThicknessMm).toBeUndefined();
    // A map of the wrong length is not written at all.
    expect(encodeDisplayMesh({ ...mesh, wallThicknessMm: new Float32Array(3) }).byteLength).toBe(
      old.byteLength,
    );
  });

  it("refuses a foreign or truncated file", () => {
    const bytes = encodeDisplayMesh(mesh);
    expect(() => decodeDisplayMesh(bytes.subarray(0, 100))).toThrow(/length does not match/);
    expect(() => decodeDisplayMesh(new TextEncoder().encode("solid cube\n".repeat(10)))).toThrow(/magic/);
    expect(() => decodeDisplayMesh(new Uint8Array(10))).toThrow(/too short/);
  });
});
