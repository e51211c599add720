import type { DisplayMesh } from "./analyze-model";
import type { TriangleMeasures } from "./measure-triangles";
import { measureWallThickness } from "./measure-wall-thickness";
import {
  facesBelow,
  summarizeWallThickness,
  type WallLimit,
  type WallThicknessReport,
} from "./summarize-wall-thickness";
import type { TriangleBvh } from "./triangle-bvh";

export interface WallAssessment {
  /** The thinnest region above `minWallRegionMm2` (milling's wall rule reads it), mm. */
  minWallMm?: number;
  /** Face ids of that region. */
  minWallFaces: number[];
  wallThickness: WallThicknessReport;
  /** Per triangle, for the viewer's heat map (NaN: no wall there). */
  thicknessMm: Float32Array;
}

/**
 * Wall thickness as a map: measured per triangle, summarised per process against the DFM table's
 * limits, and the thinnest sizeable region for milling's wall rule.
 */
export function assessWalls(
  mesh: DisplayMesh,
  triangles: TriangleMeasures,
  bvh: TriangleBvh,
  limits: WallLimit[],
  minWallRegionMm2: number,
  /** Per body, the body whose material it bounds (a void's wall: the body around it); see measureWallThickness. */
  materialOfBody?: ArrayLike<number>,
): WallAssessment {
  const map = measureWallThickness(mesh, triangles, bvh, undefined, materialOfBody);
  const { thicknessMm, neighbours } = map;
  const { report: wallThickness, extraRegion: thinnest } = summarizeWallThickness(
    thicknessMm,
    mesh.faceIds,
    triangles.areas,
    neighbours,
    map.sampledTriangles,
    limits,
    minWallRegionMm2,
  );
  if (!thinnest) return { minWallFaces: [], wallThickness, thicknessMm };
  return {
    minWallMm: thinnest.thicknessMm,
    // Every wall as thin as the thinnest region (within 2 %), as milling's finding has always marked.
    minWallFaces: facesBelow(thicknessMm, mesh.faceIds, thinnest.thicknessMm * 1.02 + 2e-3),
    wallThickness,
    thicknessMm,
  };
}
