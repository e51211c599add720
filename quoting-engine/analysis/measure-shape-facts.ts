import type { DisplayMesh } from "./analyze-model";
import { chooseBuildOrientations } from "../printing/choose-build-orientation";
import { measureFdmLayers } from "../printing/measure-fdm-layers";
import { weldTessellationFaces } from "../printing/weld-tessellation-faces";
import { assessWalls } from "./assess-walls";
import { closedBodiesMesh } from "./closed-bodies-mesh";
import { additiveWallLimits, minWallRegionMm2 } from "./dfm-rules";
import type { TriangleMeasures } from "./measure-triangles";
import type { TriangleBvh } from "./triangle-bvh";

/**
 * What every part gets measured for, with B-rep faces or without: the wall-thickness map, the build
 * orientation per additive process (and FDM's overhang in it) and FDM's layer profile in that orientation.
 * The per-triangle wall map is put on the display mesh, for the viewer's heat map. A B-rep kernel's
 * tessellation (`fromBrepKernel`: STEP, BREP) is sliced with its faces' boundaries welded (decision 0081).
 */
export function measureShapeFacts(
  mesh: DisplayMesh,
  triangles: TriangleMeasures,
  bvh: TriangleBvh,
  hasFaces: boolean,
  fromBrepKernel = false,
  /** Per body, the body whose material it bounds (see measureWallThickness). */
  materialOfBody?: ArrayLike<number>,
  /** Per body, whether it is closed: open surfaces beside the part are shown but not printed. */
  closedOfBody?: ArrayLike<boolean>,
) {
  const wall = assessWalls(mesh, triangles, bvh, additiveWallLimits, minWallRegionMm2, materialOfBody);
  // A build holds what is made: the closed bodies, not open surfaces drawn beside them.
  const printed = closedBodiesMesh(mesh, triangles, closedOfBody);
  const buildOrientations = chooseBuildOrientations(printed.mesh, printed.triangles);
  const fdmLayers = fromBrepKernel
    ? measureFdmLayers(printed.mesh.positions, weldTessellationFaces(printed.mesh), {
        rotation: buildOrientations.fdm.rotation,
      })
    : measureFdmLayers(printed.mesh.positions, printed.mesh.indices, {
        rotation: buildOrientations.fdm.rotation,
        edgeMates: printed.triangles.edgeMates,
      });
  // Put on the mesh last: the added field gives the mesh a hidden class of its own, which dies with the
  // part, and the steps above, compiled while reading a mesh of it, were thrown away after every part
  // (decision 0101).
  mesh.wallThicknessMm = wall.thicknessMm;
  return {
    minWallMm: wall.minWallMm,
    minWallFaces: hasFaces ? wall.minWallFaces : [],
    wallThickness: wall.wallThickness,
    overhang: {
      areaMm2: buildOrientations.fdm.supportAreaMm2,
      faces: buildOrientations.fdm.overhangFaces,
      upLabel: buildOrientations.fdm.label,
    },
    buildOrientations,
    fdmLayers,
  };
}
