import { describe, expect, it } from "vitest";
import { measureFdmLayers } from "./measure-fdm-layers";
import { boxesMesh } from "./test-meshes";

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

describe("measuring what a slicer sees, layer by layer", () => {
  it("slices a 20 mm cube into 100 layers of one 80 mm square contour, 400 mm² each, skins at both ends", () => {
    const cube = boxesMesh([[0, 0, 0, 20, 20, 20]]);
    const profile = measureFdmLayers(cube.positions, cube.indices);
    expect(profile.areaMm2).toHaveLength(100);
    for (let layer = 0; layer < 100; layer++) {
      expect(profile.areaMm2[layer]).toBeCloseTo(400, 6);
      expect(profile.perimeterMm[layer]).toBeCloseTo(80, 6);
      expect(profile.islandCount[layer]).toBe(1);
      expect(profile.loopCount[layer]).toBe(1);
      expect(profile.cornerCount[layer]).toBe(4);
    }
    expect(profile.smallLoopMm.every((length) => length === 0)).toBe(true); // 80 mm > 2π × 6.5
    expect(profile.downMm2[0]).toBeCloseTo(400, 6);
    expect(profile.upMm2[99]).toBeCloseTo(400, 6);
    expect(sum(profile.upMm2) + sum(profile.downMm2)).toBeCloseTo(800, 6);
    expect(profile.firstLayerHullMm).toBeCloseTo(80, 6);
    expect(sum(profile.supportMm2) + sum(profile.supportInterfaceMm2)).toBe(0);
  });

  it("counts islands and holes: a ring of four bars has one island and one hole per layer", () => {
    const ring = boxesMesh([[0, 0, 0, 30, 30, 10]]);
    // A frame as one mesh: outer box outward, inner box inward (its triangles reversed).
    const hole = boxesMesh([[10, 10, -1, 20, 20, 11]]);
    const indices = Array.from(hole.indices, (_, i) => hole.indices[i - (i % 3) + [0, 2, 1][i % 3]!]! + 8);
    const positions = Float64Array.from([...ring.positions, ...hole.positions]);
    const profile = measureFdmLayers(positions, Uint32Array.from([...ring.indices, ...indices]));
    expect(profile.islandCount[10]).toBe(1);
    expect(profile.loopCount[10]).toBe(2);
    expect(profile.areaMm2[10]).toBeCloseTo(900 - 100, 6);
    expect(profile.smallLoopMm[10]).toBeCloseTo(40, 6); // the 10 mm hole is a small perimeter
  });

  it("puts support only under overhangs: under a T's arms down to the plate, none under a cube", () => {
    const tee = boxesMesh([
      [20, 0, 0, 30, 10, 20],
      [0, 0, 20, 50, 10, 25],
    ]);
    const profile = measureFdmLayers(tee.positions, tee.indices);
    const supportMm2 = profile.supportMm2.map(
      (sparse, layer) => sparse + profile.supportInterfaceMm2[layer]!,
    );
    // Two 20 × 10 mm arms (stem's footprint excluded), spread 2 mm sideways but not into the stem.
    expect(supportMm2[50]).toBeGreaterThan(400);
    expect(supportMm2[50]).toBeLessThan(400 + 2 * 2 * (20 + 10 + 10) + 2 * 2 * 10 + 40);
    expect(supportMm2[110]).toBe(0); // above the arms
    // The top three support layers under the arms are dense interface.
    expect(profile.supportInterfaceMm2[98]).toBeGreaterThan(0);
    expect(profile.supportInterfaceMm2[50]).toBe(0);
  });

  it("supports an L's arm (8 × 10 mm) down to the plate, its top four layers interface, none inside the post", () => {
    // Post 2 × 10 × 10 mm, arm 10 × 10 × 1 mm on it: the free 8 × 10 mm of the arm's underside (z 10)
    // is supported. Grid 0.25 mm (10 mm / 128 < 0.25). The top support layer is the contact gap (one
    // layer) below the arm's first layer: layer 48 (9.6–9.8 mm); 45–48 dense interface (PrusaSlicer's
    // three interface layers at the support's 0.3 mm: four of 0.2 mm), 0–44 sparse,
    // each 80 mm². The 1.5 mm spread may not enter the post, which stands on the plate (before: 15 mm²
    // more per layer, six columns of cells inside it).
    const ell = boxesMesh([
      [0, 0, 0, 2, 10, 10],
      [0, 0, 10, 10, 10, 11],
    ]);
    const profile = measureFdmLayers(ell.positions, ell.indices);
    for (const layer of [0, 20, 44]) {
      expect(profile.supportMm2[layer]).toBeCloseTo(80, 6);
      expect(profile.supportInterfaceMm2[layer]).toBe(0);
    }
    for (const layer of [45, 46, 47, 48]) {
      expect(profile.supportInterfaceMm2[layer]).toBeCloseTo(80, 6);
      expect(profile.supportMm2[layer]).toBe(0);
    }
    expect(profile.supportMm2[49]! + profile.supportInterfaceMm2[49]!).toBe(0);
  });

  it("slices every n-th layer when asked (large meshes: every second), the layers between taking the one below's contours", () => {
    // A 20 mm square base 10 mm tall under a 10 mm square 10 mm tall: layers 0–49 are 400 mm², 50–99 100 mm².
    const step = boxesMesh([
      [0, 0, 0, 20, 20, 10],
      [5, 5, 10, 15, 15, 20],
    ]);
    const every = (sliceEvery: number) => measureFdmLayers(step.positions, step.indices, { sliceEvery });
    const exact = every(1);
    const halves = every(2);
    expect(halves.areaMm2).toEqual(exact.areaMm2); // the step falls on a sliced layer (50)
    expect(halves.perimeterMm[51]).toBeCloseTo(40, 6);
    // Every fourth: layer 50 takes layer 48's 400 mm², the error the sampling costs at a step; skins stay per layer.
    const quarters = every(4);
    expect(quarters.areaMm2[50]).toBeCloseTo(400, 6);
    expect(quarters.areaMm2[51]).toBeCloseTo(400, 6);
    expect(quarters.areaMm2[52]).toBeCloseTo(100, 6);
    expect(quarters.upMm2).toEqual(exact.upMm2);
  });

  it("leaves a bridge between two pillars unsupported, as PrusaSlicer does by default", () => {
    const arch = boxesMesh([
      [0, 0, 0, 8, 20, 15],
      [32, 0, 0, 40, 20, 15],
      [0, 0, 15, 40, 20, 22],
    ]);
    const bridged = measureFdmLayers(arch.positions, arch.indices);
    expect(sum(bridged.supportMm2) + sum(bridged.supportInterfaceMm2)).toBe(0);
    const supported = measureFdmLayers(arch.positions, arch.indices, { supportBridges: true });
    expect(sum(supported.supportMm2)).toBeGreaterThan(0);
  });

  it("makes the support around a thread interface at every layer, as PrusaSlicer fills the ring", () => {
    // A 10 mm spindle with a 1 mm flange every 0.6 mm (a coarse thread) on a 2 mm plinth: every
    // layer has a flank underside within reach, so the spread ring around it is dense all the way up.
    const boxes: [number, number, number, number, number, number][] = [[-3, -3, 0, 13, 13, 2]];
    for (let z = 2; z < 14; z += 0.6)
      boxes.push([0, 0, z, 10, 10, z + 0.4], [-1, -1, z + 0.4, 11, 11, z + 0.6]);
    const thread = boxesMesh(boxes);
    const profile = measureFdmLayers(thread.positions, thread.indices);
    for (const layer of [20, 40, 60]) {
      expect(profile.supportInterfaceMm2[layer]).toBeGreaterThan(0);
      expect(profile.supportMm2[layer]).toBeLessThan(profile.supportInterfaceMm2[layer]! / 4);
    }
  });

  it("measures the support's outline per layer (a wide support's body lies along it)", () => {
    const tee = boxesMesh([
      [20, 0, 0, 30, 10, 20],
      [0, 0, 20, 50, 10, 25],
    ]);
    const outline = measureFdmLayers(tee.positions, tee.indices).supportOutlineMm!;
    // Two arms of about 20 × 13 mm: 2 × 2 × (20 + 13) = 132 mm, × π/4 (the factor that corrects a
    // slanted edge's staircase undercounts a straight one: about 104 mm).
    expect(outline[50]).toBeGreaterThan(85);
    expect(outline[50]).toBeLessThan(180);
    expect(outline[110]).toBe(0);
  });
});
