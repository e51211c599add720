import { readFileSync } from "node:fs";
import type { TopoDS_Shape } from "replicad-opencascadejs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { initCadKernel, type CadKernel } from "./cad-kernel";
import { measureOptimalBox } from "./optimal-box";

let kernel: CadKernel;

function readStep(name: string): TopoDS_Shape {
  const { occt } = kernel;
  occt.FS.writeFile("/optimal-box.step", readFileSync(`tests/fixtures/cad/${name}`));
  const reader = new occt.STEPControl_Reader();
  const progress = new occt.Message_ProgressRange();
  reader.ReadFile("/optimal-box.step");
  reader.TransferRoots(progress);
  const shape = reader.OneShape();
  [progress, reader].forEach((object) => object.delete());
  return shape;
}

function kernelBox(shape: TopoDS_Shape): number[] {
  const box = new kernel.occt.Bnd_Box();
  kernel.occt.BRepBndLib.AddOptimal(shape, box, false, false);
  const values = [box.GetXMin(), box.GetYMin(), box.GetZMin(), box.GetXMax(), box.GetYMax(), box.GetZMax()];
  box.delete();
  return values;
}

describe("a solid's optimal box, costly faces left out where they cannot reach its sides", () => {
  beforeAll(async () => {
    kernel = await initCadKernel();
  }, 60_000);

  it("boxes a block with a sphere and a tilted torus standing out of it from the sphere's and torus's own extremes", () => {
    const { occt } = kernel;
    const block = new occt.BRepPrimAPI_MakeBox(20, 20, 20);
    const centre = new occt.gp_Pnt(20, 10, 10);
    const sphere = new occt.BRepPrimAPI_MakeSphere(centre, 4);
    const [torusCentre, torusAxis] = [new occt.gp_Pnt(10, 10, 20), new occt.gp_Dir(1, 0, 1)];
    const placement = new occt.gp_Ax2(torusCentre, torusAxis);
    const torus = new occt.BRepPrimAPI_MakeTorus(placement, 6, 2);
    const progress = new occt.Message_ProgressRange();
    const withSphere = new occt.BRepAlgoAPI_Fuse(block.Shape(), sphere.Shape(), progress);
    const fused = new occt.BRepAlgoAPI_Fuse(withSphere.Shape(), torus.Shape(), progress);
    const shape = fused.Shape();
    const expected = kernelBox(shape);
    // The sphere holds +X (24 mm), the tilted torus +Z beyond the block's top.
    expect(expected[3]).toBeCloseTo(24, 6);
    expect(expected[5]).toBeGreaterThan(24);
    const { min, max } = measureOptimalBox(occt, shape, ["other"]);
    [...min, ...max].forEach((value, index) => expect(Object.is(value, expected[index])).toBe(true));
    [
      shape,
      fused,
      withSphere,
      progress,
      torus,
      placement,
      torusAxis,
      torusCentre,
      sphere,
      centre,
      block,
    ].forEach((object) => object.delete());
  });

  it.each(["nist_ftc_06_asme1_ap242-e2.stp", "occt_rounded_cube.step", "mfcad_0-1-6-8-13-23.step"])(
    "boxes %s as OpenCascade does, to the last bit, optimising fewer faces",
    (name) => {
      const { occt } = kernel;
      const shape = readStep(name);
      const T = occt.TopAbs_ShapeEnum;
      const explorer = new occt.TopExp_Explorer(shape, T.TopAbs_SOLID as never, T.TopAbs_SHAPE as never);
      let faces = 0;
      let optimised = 0;
      for (; explorer.More(); explorer.Next()) {
        const solid = explorer.Current();
        const expected = kernelBox(solid);
        const optimise = vi.spyOn(occt.BRepBndLib, "AddOptimal");
        // Told every face may be costly, it takes the face-by-face way.
        const { min, max } = measureOptimalBox(occt, solid, ["other"]);
        optimised += optimise.mock.calls.length;
        optimise.mockRestore();
        const faceExplorer = new occt.TopExp_Explorer(solid, T.TopAbs_FACE as never, T.TopAbs_SHAPE as never);
        for (; faceExplorer.More(); faceExplorer.Next()) faces++;
        faceExplorer.delete();
        // Object.is: the same doubles, -0 and 0 told apart.
        [...min, ...max].forEach((value, index) => expect(Object.is(value, expected[index])).toBe(true));
        solid.delete();
      }
      [explorer, shape].forEach((object) => object.delete());
      expect(optimised).toBeLessThanOrEqual(faces);
      if (name.startsWith("nist_ftc_06")) expect(optimised).toBeLessThan(faces);
    },
  );
});
