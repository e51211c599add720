import type { EngineNotice } from "../io/cad-model";
import type { OrientedBody } from "./split-and-orient-bodies";

/** What is wrong with a mesh as drawn, counted over its bodies. */
export type Defects = {
  boundary: number;
  nonManifold: number;
  openBodies: number;
  conflicts: number;
};

export function collectDefects(defects: Defects, body: OrientedBody): void {
  defects.boundary += body.boundaryEdgeCount;
  defects.conflicts += body.orientationConflicts;
  if (!body.closed) defects.openBodies++;
}

/** The notices of what is wrong with a mesh as drawn: open bodies, edges of touching parts, twisted surfaces. */
export function defectNotices(defects: Defects): EngineNotice[] {
  const notices: EngineNotice[] = [];
  const plural = (count: number, word: string, words = `${word}s`) =>
    `${count} ${count === 1 ? word : words}`;
  if (defects.openBodies > 0) {
    notices.push({
      code: "open_mesh",
      severity: "error",
      message: `${plural(defects.openBodies, "body", "bodies")} of the file ${defects.openBodies === 1 ? "is an open surface" : "are open surfaces"} (${plural(defects.boundary, "open edge")}) and cannot be made as drawn; ${defects.openBodies === 1 ? "it is" : "they are"} left out of volume and size. Export the part as a closed solid.`,
    });
  }
  if (defects.nonManifold > 0) {
    notices.push({
      code: "non_manifold_edges",
      severity: "warning",
      message: `${plural(defects.nonManifold, "edge")} ${defects.nonManifold === 1 ? "is" : "are"} shared by more than two faces (parts of the model touching along an edge). The volume is measured as drawn; the touching parts print as one, but a manufacturer may need them apart or joined by more than an edge.`,
    });
  }
  if (defects.conflicts > 0) {
    notices.push({
      code: "non_orientable",
      severity: "error",
      message:
        "Part of the surface has no consistent inside and outside (it twists through itself). Repair the model in your CAD system.",
    });
  }
  return notices;
}
