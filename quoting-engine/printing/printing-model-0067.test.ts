// Decision 0067: where PrusaSlicer 2.5 puts a support's material around and under an overhang. Each test
// fails on the model before it (the support grid ended at the part's bounding box; the interface was a
// dense sheet under the whole overhang; a thin support got a sheath loop along each of its sides).
import { describe, expect, it } from "vitest";
import { estimateFdmPrint } from "./estimate-fdm-print";
import { defaultFdmMachine } from "./fdm-machine-classes";
import { measureFdmLayers, type FdmLayerProfile } from "./measure-fdm-layers";
import { boxesMesh } from "./test-meshes";

const s = defaultFdmMachine;
const h = s.layerHeightMm;
const spacingMm = s.extrusionWidthMm - h * (1 - Math.PI / 4);
/** Fill volume of a path of this length in one 0.2 mm layer (the estimate's flow for supports). */
const fillMm3 = (pathMm: number): number => pathMm * spacingMm * h * s.flowFactor;
const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

// PrusaSlicer's "U overhang": a 10 × 10 mm base 1 mm thick, a wall 1 mm thick along one side, and a
// 10 × 10 mm roof at 10 mm whose free 10 × 9 mm underside is supported from the base.
const uOverhang = boxesMesh([
  [0, 0, 0, 10, 10, 1],
  [0, 0, 1, 10, 1, 10],
  [0, 0, 10, 10, 10, 11],
]);

describe("the support grows past the overhang's edge into the air beside the part", () => {
  it("supports the U overhang's roof beyond its three free edges, down to the plate beside the base", () => {
    const profile = measureFdmLayers(uOverhang.positions, uOverhang.indices);
    // Beside the base (layers 0–4, z < 1 mm) the grown margin stands on the plate (the G-code: a ring
    // of support at 0.48–1.32 mm around the base) …
    for (const layer of [0, 2, 4]) expect(profile.supportMm2[layer]).toBeGreaterThan(10);
    // … and above the base the support is wider than the 10 × 9 mm underside (the G-code's body
    // reaches 0.9 mm past the part).
    expect(profile.supportMm2[20]).toBeGreaterThan(10 * 9 * 1.15);
    expect(profile.supportMm2[20]).toBeLessThan((10 + 2 * 1.5) * (9 + 1.5));
  });
});

describe("the interface lies on the support's band along its outline, like the body", () => {
  it("gives a wide flat overhang a frame of interface, not a dense sheet, and a narrow one all of it", () => {
    // A 40 × 40 mm table top 10 mm up on a 5 × 5 mm leg.
    const table = boxesMesh([
      [0, 0, 0, 5, 5, 10],
      [0, 0, 10, 40, 40, 12],
    ]);
    const sheetMm3 = (profile: FdmLayerProfile): number =>
      fillMm3(sum(profile.supportInterfaceMm2) / spacingMm);
    const bandMm3 = (profile: FdmLayerProfile): number =>
      fillMm3(
        sum(
          profile.supportInterfaceMm2.map((dense, layer) => {
            const sparse = profile.supportMm2[layer]!;
            const outline = (profile.supportOutlineMm![layer]! * dense) / (sparse + dense);
            return dense > 0 ? Math.min(dense, outline * s.supportBandMm) : 0;
          }),
        ) / spacingMm,
      );
    const wide = measureFdmLayers(table.positions, table.indices);
    const wideInterface = estimateFdmPrint(wide, s).breakdownMm3.supportInterface;
    expect(sheetMm3(wide)).toBeGreaterThan(0);
    expect(wideInterface).toBeLessThan(0.7 * sheetMm3(wide));
    expect(wideInterface).toBeCloseTo(bandMm3(wide), 3);
    // The U overhang's 10 × 9 mm underside is all within the band: its interface is the whole sheet.
    const narrow = measureFdmLayers(uOverhang.positions, uOverhang.indices);
    expect(estimateFdmPrint(narrow, s).breakdownMm3.supportInterface).toBeCloseTo(sheetMm3(narrow), 3);
  });
});

describe("a thin support holds no more path than its cross-section", () => {
  it("prints a 5 mm² ring of support with a 40 mm outline as at most its area over the line spacing", () => {
    const cube = boxesMesh([[0, 0, 0, 20, 20, 10]]);
    const bare = measureFdmLayers(cube.positions, cube.indices);
    const layers = bare.areaMm2.length;
    const ring: FdmLayerProfile = {
      ...bare,
      supportMm2: bare.supportMm2.map((_, layer) => (layer > 0 && layer <= 20 ? 5 : 0)),
      supportInterfaceMm2: new Array<number>(layers).fill(0),
      supportOutlineMm: bare.supportMm2.map((_, layer) => (layer > 0 && layer <= 20 ? 40 : 0)),
    };
    const body = estimateFdmPrint(ring, s).breakdownMm3.supports;
    // A loop along the whole 40 mm outline would be 40 mm a layer; the ring holds 5 / 0.41 = 12.3 mm.
    expect(body).toBeGreaterThan(0);
    expect(body).toBeLessThanOrEqual(fillMm3((20 * 5) / spacingMm) + 1e-9);
  });
});
