import type { DisplayMesh } from "./analyze-model";
import { closedMeshMates } from "./closed-mesh-mates";
import { additiveWallLimits, minWallRegionMm2 } from "./dfm-rules";
import type { TriangleMeasures } from "./measure-triangles";
import { measureShapeFacts } from "./measure-shape-facts";
import { measureWallThickness } from "./measure-wall-thickness";
import { summarizeWallThickness } from "./summarize-wall-thickness";
import { buildTriangleBvh } from "./triangle-bvh";
import { warmOnSmallMesh } from "./small-shape-mesh";
import { measureFdmLayers } from "../printing/measure-fdm-layers";

/** Runs of each step on the small mesh: feedback at every site, and on the second run at the steps' entries. */
const warmRuns = 3;

/** On the small mesh every 7th triangle casts rays, so the fill from neighbours runs as on a large mesh. */
const warmSampleLimit = 128;

/** A tilted FDM orientation (rows: the plate's x, its y, up): the rotation runs as on most parts. */
const tiltedRotation = [0.8, 0, -0.6, 0, 1, 0, 0.6, 0, 0.8];

/** `warmShapeFacts` on the small mesh, the first time this thread asks (later calls return at once). */
export function warmShapeFactsOnce(): void {
  warmOnSmallMesh("shape facts", warmShapeFacts);
}

/**
 * The shape facts of every part (the features' BVH, wall thickness with its fill and summary, FDM
 * layers) run on the small mesh (`smallShapeMesh`, 864 triangles) a few times before this thread's
 * first part, as segmenting and orientation already were (0096, 0101).
 *
 * They run once per file, each a few long loops. On the first million-triangle parts V8 compiled a
 * loop while it ran (on-stack replacement), before the sites at its function's entry and after its
 * loop had any type feedback (a feedback vector is made only mid-call on a first call), and threw the
 * code away at the next part on those sites ("insufficient type feedback"), then compiled again: the
 * first four or five parts of a worker each paid that, in compile-thread time and in loops run by the
 * interpreter meanwhile. Here every site gets its feedback on a mesh that takes a few milliseconds.
 *
 * The small mesh has fewer triangles than any sampling or slicing limit, so the steps are also asked
 * for what large meshes do: wall rays from a sample with the fill from neighbours across edge mates,
 * and slices every second layer, both in layers thinner and thicker than the triangles (a mesh of
 * short triangles joins its contours without the sweep's layer test). Nothing of it is kept but
 * compiled code and the kept working arrays (each step clears what it reads; the features' BVH is
 * built here before the part's own, one tree at a time).
 */
export function warmShapeFacts(mesh: DisplayMesh, triangles: TriangleMeasures): void {
  const edgeMates = closedMeshMates(mesh.indices, mesh.positions.length / 3);
  if (edgeMates) triangles.edgeMates = edgeMates;
  for (let run = 0; run < warmRuns; run++) {
    const bvh = buildTriangleBvh(mesh.positions, mesh.indices, triangles.centroids, true);
    measureShapeFacts(mesh, triangles, bvh, false);
    const map = measureWallThickness(mesh, triangles, bvh, undefined, undefined, warmSampleLimit);
    summarizeWallThickness(
      map.thicknessMm,
      mesh.faceIds,
      triangles.areas,
      map.neighbours,
      map.sampledTriangles,
      additiveWallLimits,
      minWallRegionMm2,
    );
    for (const layerHeightMm of [0.2, 2])
      measureFdmLayers(mesh.positions, mesh.indices, {
        rotation: tiltedRotation,
        edgeMates: triangles.edgeMates,
        sliceEvery: 2,
        layerHeightMm,
      });
  }
}
