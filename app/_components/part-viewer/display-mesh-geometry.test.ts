import { describe, expect, it } from "vitest";
import { encodeDisplayMesh } from "@/lib/parts/display-mesh-codec";
import { chooseBuildOrientations } from "@/quoting-engine/printing/choose-build-orientation";
import { voxelMesh } from "@/tests/fixtures/voxel-mesh";
import { displayMeshGeometry, paintMesh, paintSupported } from "./display-mesh-geometry";

// A cross in the XZ plane, 10 mm thick: standing as drawn, its two arms overhang (4 triangles).
const cross = voxelMesh([3, 1, 3], (x, _y, z) => x === 1 || z === 1, 10);

function viewerMesh() {
  const bytes = encodeDisplayMesh({
    originMm: [0, 0, 0],
    positions: Float32Array.from(cross.positions),
    indices: cross.indices,
    faceIds: cross.faceIds,
    bodyIds: new Uint32Array(cross.indices.length / 3),
  });
  return displayMeshGeometry(bytes);
}

describe("paintSupported", () => {
  it("paints the triangles the engine counts as needing support, with the part as printed", () => {
    const mesh = viewerMesh();
    paintMesh(mesh, [], [0, 0, 0], false);
    const standing = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    expect(paintSupported(mesh, standing, [1, 1, 1])).toBe(4);
    // The engine's FDM choice lays it flat: nothing to support, as the engine says.
    const { fdm } = chooseBuildOrientations(cross);
    expect(fdm.overhangTriangles).toBe(0);
    paintMesh(mesh, [], [0, 0, 0], false);
    expect(paintSupported(mesh, fdm.rotation, [1, 1, 1])).toBe(0);
  });
});
