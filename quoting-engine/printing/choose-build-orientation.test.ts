import { describe, expect, it } from "vitest";
import { rotatedBox, rotationAbout, voxelMesh } from "../../tests/fixtures/voxel-mesh";
import { chooseBuildOrientations } from "./choose-build-orientation";
import { positionsAsBuilt } from "./positions-as-built";
import { printingEnvelopesMm } from "./printing-envelopes";
import { boxesMesh } from "./test-meshes";

const identity = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** A mushroom: a 10 × 10 × 30 mm stem under a 40 × 40 × 5 mm cap, drawn standing on its stem. */
const mushroom = voxelMesh([8, 8, 7], (x, y, z) => z === 6 || (x >= 3 && x < 5 && y >= 3 && y < 5), 5);

describe("chooseBuildOrientations", () => {
  it("turns a mushroom onto its cap for supported processes: no overhang, where +Z up needs 1,500 mm²", () => {
    const chosen = chooseBuildOrientations(mushroom);
    for (const process of ["fdm", "sla", "metal_pbf"] as const) {
      expect(chosen[process].supportAreaMm2).toBeCloseTo(0, 6);
      expect(chosen[process].up).toEqual([0, 0, -1]);
      expect(chosen[process].label).toBe("-Z up (upside down)");
      expect(chosen[process].heightMm).toBeCloseTo(35, 9);
      expect(chosen[process].overhangFaces).toEqual([]);
    }
    // Powder beds need no supports: the lowest height, 35 mm, standing (on its side it is 40 mm tall).
    expect(chosen.sls.heightMm).toBeCloseTo(35, 9);
    expect(chosen.sls.footprintMm.map((value) => Math.round(value))).toEqual([40, 40]);
  });

  it("marks the faces under an overhang and measures its support columns", () => {
    // A cross in the XZ plane, 10 mm thick: a 30 mm column with 10 mm arms at mid-height.
    const cross = voxelMesh([3, 1, 3], (x, _y, z) => x === 1 || z === 1, 10);
    // It can lie on its face (10 mm tall, no overhang): FDM picks that.
    expect(chooseBuildOrientations(cross).fdm.heightMm).toBeCloseTo(10, 9);
    expect(chooseBuildOrientations(cross).fdm.supportAreaMm2).toBeCloseTo(0, 9);
    // On a 35 × 12 mm plate it must stand; standing, both arms overhang by 10 × 10 mm, 10 mm up.
    const narrow = { ...printingEnvelopesMm, fdm: [35, 12, 360] as [number, number, number] };
    const standing = chooseBuildOrientations(cross, undefined, { envelopesMm: narrow }).fdm;
    expect(standing.fits).toBe(true);
    expect(standing.label).toBe("+Z up (as drawn)");
    expect(standing.heightMm).toBeCloseTo(30, 9);
    expect(standing.supportAreaMm2).toBeCloseTo(200, 6);
    expect(standing.overhangTriangles).toBe(4);
    expect(standing.supportVolumeMm3).toBeCloseTo(200 * 10, 6);
    expect(standing.overhangFaces).toEqual([5]);
  });

  it("takes a bottom face tilted within the plate tolerance as lying on the plate, though its centre is above the lowest point", () => {
    // A 20 × 20 × 10 mm box whose bottom rises to 0.8 µm along y: under the tolerance of 1 µm (10⁻⁴ of
    // the height), so +Z up it stands on that face and needs no support (the flat top is no better).
    const box = boxesMesh([[0, 0, 0, 20, 20, 10]]);
    box.positions[2 * 3 + 2] = 0.0008;
    box.positions[3 * 3 + 2] = 0.0008;
    const chosen = chooseBuildOrientations({ ...box, faceIds: new Int32Array(12).fill(-1) });
    expect(chosen.fdm.up).toEqual([0, 0, 1]);
    expect(chosen.fdm.supportAreaMm2).toBe(0);
    expect(chosen.fdm.overhangTriangles).toBe(0);
  });

  it("turns a part upright when only that fits the chamber", () => {
    // 500 × 300 × 10 mm: flat it is 10 mm tall but 500 mm wide, more than the EOS P 396's 340 mm.
    const plate = rotatedBox([500, 300, 10], identity);
    const chosen = chooseBuildOrientations(plate);
    expect(chosen.sls.fits).toBe(true);
    expect(chosen.sls.heightMm).toBeCloseTo(500, 6);
    expect(chosen.sls.footprintMm[0]).toBeCloseTo(300, 6);
    // In a chamber wide enough it lies flat.
    const wide = { ...printingEnvelopesMm, sls: [600, 600, 600] as [number, number, number] };
    expect(chooseBuildOrientations(plate, undefined, { envelopesMm: wide }).sls.heightMm).toBeCloseTo(10, 6);
    // Nothing fits a part larger than every machine: it is still oriented, and says it does not fit.
    const huge = chooseBuildOrientations(rotatedBox([900, 900, 900], identity));
    expect(huge.fdm.fits).toBe(false);
  });

  it("lays a tilted plate on its face, beyond the six axis directions", () => {
    // 80 × 60 × 4 mm plate drawn tilted 30° about X: lowest on its own face, not on any axis.
    const tilted = rotatedBox([80, 60, 4], rotationAbout(0, 30));
    const chosen = chooseBuildOrientations(tilted);
    for (const process of ["sla", "sls", "mjf", "metal_pbf", "fdm"] as const) {
      expect(chosen[process].heightMm).toBeCloseTo(4, 6);
      expect(chosen[process].supportAreaMm2).toBeCloseTo(0, 6);
    }
    expect(chosen.mjf.label).toBe("tilted 30° from +Z towards -Y");
    const [width, depth] = chosen.mjf.footprintMm;
    expect(width).toBeCloseTo(80, 6);
    expect(depth).toBeCloseTo(60, 6);
  });

  it("fits a plate drawn turned on the plate into its smallest rectangle", () => {
    const turned = rotatedBox([100, 20, 5], rotationAbout(2, 30));
    const { fdm } = chooseBuildOrientations(turned);
    expect(fdm.footprintMm[0]).toBeCloseTo(100, 6);
    expect(fdm.footprintMm[1]).toBeCloseTo(20, 6);
    // The rotation maps the part onto the plate: its rows are orthonormal.
    const r = fdm.rotation;
    for (let row = 0; row < 3; row++)
      expect(Math.hypot(r[row * 3]!, r[row * 3 + 1]!, r[row * 3 + 2]!)).toBeCloseTo(1, 6);
  });

  it("keeps a part drawn square to its axes as drawn when nothing is better (stable tie-break)", () => {
    const cube = rotatedBox([20, 20, 20], identity);
    const chosen = chooseBuildOrientations(cube);
    expect(chosen.fdm.label).toBe("+Z up (as drawn)");
    expect(chosen.fdm.rotation).toEqual(identity);
    expect(chooseBuildOrientations(cube)).toEqual(chosen);
  });
});

describe("positionsAsBuilt", () => {
  it("turns the part so that the chosen up is z: the mushroom on its cap is 35 mm tall with the cap at z 0–5", () => {
    const { fdm } = chooseBuildOrientations(mushroom);
    const turned = positionsAsBuilt(mushroom.positions, fdm.rotation);
    const heights = turned.filter((_, index) => index % 3 === 2);
    expect(Math.max(...heights) - Math.min(...heights)).toBeCloseTo(fdm.heightMm, 9);
    // The widest layer (the cap, 40 × 40 mm) is now at the bottom.
    const low = Math.min(...heights);
    const nearPlate = [...Array(turned.length / 3).keys()].filter(
      (vertex) => turned[vertex * 3 + 2]! <= low + 5,
    );
    const xs = nearPlate.map((vertex) => turned[vertex * 3]!);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(40, 9);
  });
});
