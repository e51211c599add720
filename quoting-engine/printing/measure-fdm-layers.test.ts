import { contourSumNames, zeroLayerContourSums } from "./join-closed-mesh-contours";
import { describe, expect, it } from "vitest";
import { measureFdmLayers } from "./measure-fdm-layers";
import { closedMeshMates } from "../analysis/closed-mesh-mates";
import { boxesMesh, prismMesh, torusMesh } from "./test-meshes";

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

  it("measures each part's first-layer hull from its own first layer, one part after another", () => {
    // The first layer's points are one array kept from part to part (decision 0105), emptied first.
    const large = boxesMesh([[0, 0, 0, 50, 30, 10]]);
    const cube = boxesMesh([[0, 0, 0, 20, 20, 20]]);
    const mates = closedMeshMates(large.indices, large.positions.length / 3);
    expect(mates).toBeDefined();
    expect(measureFdmLayers(large.positions, large.indices).firstLayerHullMm).toBeCloseTo(160, 6);
    expect(measureFdmLayers(cube.positions, cube.indices).firstLayerHullMm).toBeCloseTo(80, 6);
    // The joins of closed meshes (edge mates) fill it too.
    expect(
      measureFdmLayers(large.positions, large.indices, { edgeMates: mates }).firstLayerHullMm,
    ).toBeCloseTo(160, 6);
    expect(
      measureFdmLayers(cube.positions, cube.indices, {
        edgeMates: closedMeshMates(cube.indices, cube.positions.length / 3),
      }).firstLayerHullMm,
    ).toBeCloseTo(80, 6);
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

  it("joins each contour whatever order its triangles come in: six boxes' sides interleaved, with and without edge mates", () => {
    const boxes = boxesMesh(
      Array.from({ length: 6 }, (_, k): [number, number, number, number, number, number] => [
        k * 12,
        0,
        0,
        k * 12 + 5 + k,
        8,
        10 + k,
      ]),
    );
    // Triangle k of every box, then k + 1 of every box, ..., last box first: each layer's segments of one
    // contour lie apart, and a contour's first segment is not its lowest edge.
    const order: number[] = [];
    for (let k = 0; k < 12; k++) for (let box = 5; box >= 0; box--) order.push(box * 12 + k);
    const indices = Uint32Array.from(order.flatMap((t) => [0, 1, 2].map((c) => boxes.indices[t * 3 + c]!)));
    const mates = closedMeshMates(indices, boxes.positions.length / 3);
    expect(mates).toBeDefined();
    for (const profile of [
      measureFdmLayers(boxes.positions, indices),
      measureFdmLayers(boxes.positions, indices, { edgeMates: mates }),
    ]) {
      // At 9 mm (layer 45) all six stand; at 11 mm (layer 55) the four tallest (12 to 15 mm).
      expect(profile.islandCount[45]).toBe(6);
      expect(profile.loopCount[45]).toBe(6);
      expect(profile.islandCount[55]).toBe(4);
      expect(profile.areaMm2[45]).toBeCloseTo(sum([5, 6, 7, 8, 9, 10]) * 8, 6);
      expect(profile.perimeterMm[55]).toBeCloseTo(sum([7, 8, 9, 10].map((width) => 2 * (width + 8))), 6);
      expect(profile.cornerCount[45]).toBe(24);
      // Each island's infill inside the 1.22 mm band is under 70 mm² (solid), as one merged island's would not be.
      expect(profile.smallIslandMm2![45]).toBeCloseTo(sum([5, 6, 7, 8, 9, 10]) * 8, 6);
    }
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

  it("gives a T cut into triangles smaller than a support column the coarse T's support, layer by layer", () => {
    const tee = boxesMesh([
      [20, 0, 0, 30, 10, 20],
      [0, 0, 20, 50, 10, 25],
    ]);
    // Every triangle cut in four, six times over (4,096 each; a triangle soup, which the support does
    // not mind): the arms' undersides in triangles 0.8 × 0.16 mm, against columns of 0.52 mm, so most
    // cover no column centre and the others one or two.
    let corners = Array.from(tee.indices, (vertex) =>
      [0, 1, 2].map((axis) => tee.positions[vertex * 3 + axis]!),
    );
    for (let round = 0; round < 6; round++) {
      const finer: number[][] = [];
      for (let t = 0; t < corners.length; t += 3) {
        const [a, b, c] = [corners[t]!, corners[t + 1]!, corners[t + 2]!];
        const mid = (p: number[], q: number[]) => p.map((value, axis) => (value + q[axis]!) / 2);
        const [ab, bc, ca] = [mid(a, b), mid(b, c), mid(c, a)];
        finer.push(a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca);
      }
      corners = finer;
    }
    const fine = measureFdmLayers(
      Float64Array.from(corners.flat()),
      Uint32Array.from(corners, (_, vertex) => vertex),
    );
    const coarse = measureFdmLayers(tee.positions, tee.indices);
    expect(sum(coarse.supportMm2)).toBeGreaterThan(400 * 90);
    expect(fine.supportMm2).toEqual(coarse.supportMm2);
    expect(fine.supportInterfaceMm2).toEqual(coarse.supportInterfaceMm2);
    expect(fine.supportOutlineMm).toEqual(coarse.supportOutlineMm);
  });

  it("supports an L's arm (8 × 10 mm) down to the plate, its top four layers interface, none inside the post", () => {
    // Post 2 × 10 × 10 mm, arm 10 × 10 × 1 mm on it: the free 8 × 10 mm of the arm's underside (z 10)
    // is supported. Grid 0.25 mm (10 mm / 128 < 0.25). The top support layer is the contact gap (one
    // layer) below the arm's first layer: layer 48 (9.6–9.8 mm); 45–48 dense interface (PrusaSlicer's
    // three interface layers at the support's 0.3 mm: four of 0.2 mm), 0–44 sparse. The 1.5 mm spread
    // may not enter the post, which stands on the plate (before: 15 mm² more per layer, six columns of
    // cells inside it). The support reaches 0.75 mm (three columns) past the part's three open sides
    // (decision 0067): 8.75 × 11.5 mm, and beside the post's two sides the spread's 1.5 mm × 0.75 mm.
    const reach = 0.75;
    const area = (8 + reach) * (10 + 2 * reach) + 2 * 1.5 * reach;
    const ell = boxesMesh([
      [0, 0, 0, 2, 10, 10],
      [0, 0, 10, 10, 10, 11],
    ]);
    const profile = measureFdmLayers(ell.positions, ell.indices);
    for (const layer of [0, 20, 44]) {
      expect(profile.supportMm2[layer]).toBeCloseTo(area, 1);
      expect(profile.supportInterfaceMm2[layer]).toBe(0);
    }
    for (const layer of [45, 46, 47, 48]) {
      expect(profile.supportInterfaceMm2[layer]).toBeCloseTo(area, 1);
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

describe("what PrusaSlicer 2.5 makes solid and dense", () => {
  it("gives a 45° roof no solid infill, a 5° one its strip grown 3 mm, a flat top its area three layers deep", () => {
    // 40 × 20 mm blocks 10 mm high, each with a roof: 45° rising 20 mm, 5° rising 1.75 mm, flat.
    const steep = prismMesh(
      [
        [0, 0],
        [40, 0],
        [40, 10],
        [20, 30],
        [0, 30],
      ],
      20,
    );
    const profile = measureFdmLayers(steep.positions, steep.indices);
    // z 15 (layer 75): the roof's strip is 0.2 mm per layer (4 mm² over 20 mm), all in the perimeters.
    expect(profile.upMm2[75]).toBeCloseTo(4, 3);
    expect(profile.solidSkinMm2![75]).toBe(0);
    // The flat top (z 30, 20 × 20 mm) is solid in its layer and the two under it; the bottom likewise.
    expect(profile.solidSkinMm2![149]).toBeCloseTo(400, 3);
    expect(profile.solidSkinMm2![147]).toBeCloseTo(400, 3);
    expect(profile.solidSkinMm2![146]).toBe(0);
    expect(profile.solidSkinMm2![0]).toBeCloseTo(800, 3);

    const rise = 40 * Math.tan((5 * Math.PI) / 180);
    const shallow = prismMesh(
      [
        [0, 0],
        [40, 0],
        [40, 10],
        [0, 10 + rise],
      ],
      20,
    );
    const gentle = measureFdmLayers(shallow.positions, shallow.indices);
    const run = 0.2 / Math.tan((5 * Math.PI) / 180); // 2.29 mm of roof per layer
    // Layer 55 (z 11–11.2) lies under three layers of roof strips: 3 × 20 mm × (run − 1.22 + 3).
    expect(gentle.solidSkinMm2![55]).toBeCloseTo(3 * 20 * (run - 1.22 + 3), 0);
  });

  it("grows a step's top 3 mm under the wall rising from it, in its layer and the two below", () => {
    // A 40 × 20 mm plate 4 mm thick, a 10 mm wide post 10 mm higher along one end (one welded mesh):
    // the step's top is 30 × 20 mm, its inner edge 20 mm long.
    const step = prismMesh(
      [
        [0, 0],
        [40, 0],
        [40, 4],
        [10, 4],
        [10, 14],
        [0, 14],
      ],
      20,
    );
    const profile = measureFdmLayers(step.positions, step.indices);
    for (const layer of [17, 18, 19]) expect(profile.solidSkinMm2![layer]).toBeCloseTo(600 + 3 * 20, 3);
    expect(profile.solidSkinMm2![16]).toBe(0);
    // The post's top meets only the outside (walls falling from it): no growth.
    expect(profile.solidSkinMm2![69]).toBeCloseTo(200, 3);
  });

  it("supports a 40° underside with the sparse body only, a 30° one with dense interface", () => {
    // A post with an overhang whose underside slopes at the angle, 2 mm thick, on the plate.
    const overhang = (angleDeg: number) => {
      const run = 10 / Math.tan((angleDeg * Math.PI) / 180);
      const mesh = prismMesh(
        [
          [0, 0],
          [10, 0],
          [10, 5],
          [10 + run, 15],
          [10 + run, 17],
          [0, 17],
        ],
        10,
      );
      return measureFdmLayers(mesh.positions, mesh.indices);
    };
    const forty = overhang(40);
    expect(sum(forty.supportMm2)).toBeGreaterThan(0);
    expect(sum(forty.supportInterfaceMm2)).toBe(0);
    const thirty = overhang(30);
    expect(sum(thirty.supportInterfaceMm2)).toBeGreaterThan(0);
  });

  it("lists islands whose infill area is under 70 mm² (filled solid), holes counted in the largest", () => {
    // A 5 mm pin beside a 30 mm block: the pin's 25 mm² is all perimeters and small solid.
    const pins = boxesMesh([
      [0, 0, 0, 5, 5, 10],
      [20, 0, 0, 50, 30, 10],
    ]);
    const profile = measureFdmLayers(pins.positions, pins.indices);
    expect(profile.smallIslandMm2![20]).toBeCloseTo(25, 6);
    expect(profile.smallIslandPerimeterMm![20]).toBeCloseTo(20, 6);
    // A 14 mm square tube with a 10 mm hole: 96 mm² with 96 mm of contour, no infill room: small.
    const tube = boxesMesh([[0, 0, 0, 14, 14, 10]]);
    const hole = boxesMesh([[2, 2, -1, 12, 12, 11]]);
    const inward = Array.from(hole.indices, (_, i) => hole.indices[i - (i % 3) + [0, 2, 1][i % 3]!]! + 8);
    const ring = measureFdmLayers(
      Float64Array.from([...tube.positions, ...hole.positions]),
      Uint32Array.from([...tube.indices, ...inward]),
    );
    expect(ring.smallIslandMm2![20]).toBeCloseTo(96, 6);
    expect(ring.smallIslandPerimeterMm![20]).toBeCloseTo(96, 6);
  });
});

describe("layers whose planes cut the same edges as the layer below", () => {
  it("cuts a saddle again above its middle vertex, which starts or ends no triangle", () => {
    // Four triangles around a saddle vertex at z = 0 (corners 10 mm out, up and down in turn): every
    // triangle spans −10…10 mm, so only the middle vertex tells that the planes above it cut other edges.
    const corners = [
      [10, 0, 10],
      [0, 10, -10],
      [-10, 0, 10],
      [0, -10, -10],
    ];
    const positions = new Float64Array([0, 0, 0, ...corners.flat()]);
    const indices = new Uint32Array([0, 1, 2, 0, 2, 3, 0, 3, 4, 0, 4, 1]);
    const profile = measureFdmLayers(positions, indices, { layerHeightMm: 2, supportAngleDeg: 0 });
    expect(profile.perimeterMm).toHaveLength(10);
    const at = (a: number[], b: number[], z: number) =>
      [0, 1].map((k) => a[k]! + ((z - a[2]!) / (b[2]! - a[2]!)) * (b[k]! - a[k]!));
    for (let layer = 0; layer < 10; layer++) {
      const z = -10 + (layer + 0.5) * 2;
      let expected = 0;
      for (let k = 0; k < 4; k++) {
        const [a, b] = [corners[k]!, corners[(k + 1) % 4]!];
        const [up, down] = a[2]! > 0 ? [a, b] : [b, a];
        const onRim = at(down, up, z);
        const onSpoke = at([0, 0, 0], z > 0 ? up : down, z);
        expected += Math.hypot(onRim[0]! - onSpoke[0]!, onRim[1]! - onSpoke[1]!);
      }
      expect(profile.perimeterMm[layer]).toBeCloseTo(expected, 2);
    }
  });
});

describe("closed meshes of short triangles, sliced and joined triangle by triangle", () => {
  it("gives a torus's layers as the per-layer joins do, with its triangles in any order, lying and standing", () => {
    const torus = torusMesh(20, 8, 96, 40);
    // Every seventh triangle in turn: a contour's segments lie apart, its first is not its lowest edge.
    const order = Array.from(
      { length: torus.indices.length / 3 },
      (_, k) => (k * 7) % (torus.indices.length / 3),
    );
    const indices = Uint32Array.from(order.flatMap((t) => [0, 1, 2].map((c) => torus.indices[t * 3 + c]!)));
    const edgeMates = closedMeshMates(indices, torus.positions.length / 3);
    expect(edgeMates).toBeDefined();
    const standing = [1, 0, 0, 0, 0, 1, 0, -1, 0];
    for (const options of [
      { layerHeightMm: 1 },
      { layerHeightMm: 0.3, rotation: standing, sliceEvery: 2 },
      { layerHeightMm: 0.2, sliceEvery: 3 },
    ]) {
      // With a collapsed triangle (no area, no contour, on the torus's own vertices) the mesh is not
      // closed, and its contours are joined per layer over edge ids (`joinContoursPerLayer`).
      const perLayer = measureFdmLayers(torus.positions, withCollapsedTriangle(indices), options);
      const byTriangle = measureFdmLayers(torus.positions, indices, { ...options, edgeMates });
      expect(byTriangle).toEqual(perLayer);
    }
    const lying = measureFdmLayers(torus.positions, indices, { layerHeightMm: 1, edgeMates });
    // Through the middle of the tube: a ring between 12 and 28 mm, one island and one hole.
    expect(lying.islandCount[8]).toBe(1);
    expect(lying.loopCount[8]).toBe(2);
    const ring = Math.PI * (28 * 28 - 12 * 12);
    expect(Math.abs(lying.areaMm2[8]! - ring) / ring).toBeLessThan(0.01);
    expect(Math.abs(lying.perimeterMm[8]! - 2 * Math.PI * 40) / (2 * Math.PI * 40)).toBeLessThan(0.01);
    const upright = measureFdmLayers(torus.positions, indices, {
      layerHeightMm: 1,
      rotation: standing,
      edgeMates,
    });
    // Standing on its side, a layer through the axis cuts the tube twice: two discs of radius 8 mm.
    const middle = Math.floor(upright.islandCount.length / 2);
    expect(upright.islandCount[middle]).toBe(2);
    expect(upright.loopCount[middle]).toBe(2);
    expect(Math.abs(upright.areaMm2[middle]! - 2 * Math.PI * 64) / (2 * Math.PI * 64)).toBeLessThan(0.01);
    expect(Math.abs(upright.perimeterMm[middle]! - 4 * Math.PI * 8) / (4 * Math.PI * 8)).toBeLessThan(0.01);
  });
});

/** The mesh's triangles and one collapsed onto its first vertex: no area, no segment, but the mesh is no longer closed. */
const withCollapsedTriangle = (indices: Uint32Array): Uint32Array => Uint32Array.from([...indices, 0, 0, 0]);

describe("closed meshes of long triangles (a STEP part's welded faces), by triangle slots", () => {
  it("gives the per-layer joins' profile, with or without edge mates, keeping the joins of layers cut as the one below", () => {
    // A coarse torus: each triangle spans many layers, and between the rings' heights every plane cuts
    // the same edges as the one below.
    const torus = torusMesh(20, 8, 12, 6);
    const count = torus.indices.length / 3;
    const order = Array.from({ length: count }, (_, k) => (k * 5) % count);
    const indices = Uint32Array.from(order.flatMap((t) => [0, 1, 2].map((c) => torus.indices[t * 3 + c]!)));
    const edgeMates = closedMeshMates(indices, torus.positions.length / 3);
    expect(edgeMates).toBeDefined();
    const standing = [1, 0, 0, 0, 0, 1, 0, -1, 0];
    const tilted = [0.8, 0, -0.6, 0, 1, 0, 0.6, 0, 0.8];
    for (const options of [
      { layerHeightMm: 0.2 },
      { layerHeightMm: 0.1, rotation: standing, sliceEvery: 2 },
      { layerHeightMm: 0.15, rotation: tilted, sliceEvery: 3 },
    ]) {
      const perLayer = measureFdmLayers(torus.positions, withCollapsedTriangle(indices), options);
      const bySlots = measureFdmLayers(torus.positions, indices, options);
      expect(bySlots).toEqual(perLayer);
      expect(measureFdmLayers(torus.positions, indices, { ...options, edgeMates })).toEqual(perLayer);
    }
    const lying = measureFdmLayers(torus.positions, indices, { layerHeightMm: 0.2 });
    // Mid-tube: a ring (one island, one hole) in every layer but the few nearest the top and bottom rings.
    const middle = Math.floor(lying.loopCount.length / 2);
    for (let layer = middle - 10; layer <= middle + 10; layer++) {
      expect(lying.islandCount[layer]).toBe(1);
      expect(lying.loopCount[layer]).toBe(2);
    }
  });

  it("makes the layers' contour sums in the order of their names", () => {
    // Unsliced layers are copied over `Object.values` of the sums, in this order.
    expect(Object.keys(zeroLayerContourSums(2))).toEqual([...contourSumNames]);
    expect(Object.values(zeroLayerContourSums(2)).every((sums) => sums.length === 2)).toBe(true);
  });
});
