import type { EngineNotice } from "../io/cad-model";
import { formatNumber } from "./format-number";

/** What the analysis repaired in a mesh so it could be measured (all counts 0 for a clean file). */
export interface MeshRepairs {
  /** Triangles collapsed to a line or a point (two corners on the same vertex), removed. */
  degenerateTriangles: number;
  /** Repeated copies of a triangle, removed. */
  duplicateTriangles: number;
  /** Coincident triangle pairs facing opposite ways (walls of no thickness), both removed. */
  opposingTrianglePairs: number;
  /** Holes closed with new triangles, and the area of those patches. */
  holesClosed: number;
  holeAreaMm2: number;
  /** Triangles whose winding was turned (to match their neighbours, or a whole body outwards). */
  trianglesTurned: number;
  /** Bodies whose whole surface faced inwards. */
  bodiesTurnedOutwards: number;
  /** Closed shells that enclose nothing (flat: their sides coincide), removed. */
  flatShells: number;
  /**
   * Open pieces lying on or in a solid body (material beside every triangle), removed: what is left of
   * the faces where bodies exported touching met (decision 0124).
   */
  openPiecesWithinSolids: number;
  /** Open edges split at a corner of the other side lying on them (T-junction seams joined). */
  tJunctionEdgesSplit: number;
}

export function noRepairs(): MeshRepairs {
  return {
    degenerateTriangles: 0,
    duplicateTriangles: 0,
    opposingTrianglePairs: 0,
    holesClosed: 0,
    holeAreaMm2: 0,
    trianglesTurned: 0,
    bodiesTurnedOutwards: 0,
    flatShells: 0,
    openPiecesWithinSolids: 0,
    tJunctionEdgesSplit: 0,
  };
}

const plural = (count: number, word: string, words = `${word}s`) => `${count} ${count === 1 ? word : words}`;

/**
 * One notice that says in plain words what was repaired ("Repaired: 12 duplicate triangles removed,
 * 3 holes closed (4.2 mm²), 840 triangles turned outwards."), or none for a clean mesh. A closed hole is
 * a guess at the missing surface, so it makes the notice a warning; the rest change nothing the buyer
 * drew and are information.
 */
export function describeMeshRepairs(repairs: MeshRepairs): EngineNotice[] {
  const done: string[] = [];
  if (repairs.duplicateTriangles > 0)
    done.push(`${plural(repairs.duplicateTriangles, "duplicate triangle")} removed`);
  if (repairs.opposingTrianglePairs > 0)
    done.push(
      `${plural(repairs.opposingTrianglePairs, "pair")} of coincident opposite-facing triangles (walls of no thickness) removed`,
    );
  if (repairs.degenerateTriangles > 0)
    done.push(`${plural(repairs.degenerateTriangles, "triangle")} collapsed to a line or point removed`);
  if (repairs.flatShells > 0)
    done.push(`${plural(repairs.flatShells, "flat shell")} enclosing no volume removed`);
  if (repairs.openPiecesWithinSolids > 0)
    done.push(
      `${plural(repairs.openPiecesWithinSolids, "open piece")} of surface lying on or inside the solid (where bodies touch) removed`,
    );
  if (repairs.tJunctionEdgesSplit > 0)
    done.push(
      `${plural(repairs.tJunctionEdgesSplit, "seam edge")} joined where the other side's corners lay along it`,
    );
  if (repairs.holesClosed > 0) {
    const area = repairs.holeAreaMm2 < 0.01 ? "under 0.01" : formatNumber(repairs.holeAreaMm2);
    done.push(`${plural(repairs.holesClosed, "hole")} closed (${area} mm²)`);
  }
  if (repairs.trianglesTurned > 0)
    done.push(
      repairs.bodiesTurnedOutwards > 0
        ? `${plural(repairs.trianglesTurned, "triangle")} turned outwards`
        : `${plural(repairs.trianglesTurned, "triangle")} turned to match ${repairs.trianglesTurned === 1 ? "its" : "their"} neighbours`,
    );
  if (done.length === 0) return [];
  const holes = repairs.holesClosed > 0;
  return [
    {
      code: "mesh_repaired",
      severity: holes ? "warning" : "info",
      message: `Repaired: ${done.join(", ")}.${holes ? ` We closed the ${repairs.holesClosed === 1 ? "hole" : "holes"} to measure the part; check that nothing is missing from the model.` : ""}`,
    },
  ];
}
