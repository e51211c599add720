import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import { dot, sameAxisLine, subtract, type RevolutionFaceShape, type Vector3 } from "./cylinder-geometry";
import type { Features, ThreadFeature } from "./recognize-features";
import { wrapsAxisAsThread, type WoundFace } from "./wraps-axis-as-thread";

/**
 * Turnable when every face is a surface of revolution about one axis: end faces square to it and
 * cylinders, cones, spheres and tori centred on it, and B-spline faces wound round it as a thread is
 * (`wrapsAxisAsThread`: a modelled thread, which it reports, or a cylinder exported as a B-spline). The
 * axis is the largest cylinder's.
 */
export function assessTurnability(
  faces: BrepFace[],
  revolution: Map<number, RevolutionFaceShape>,
  mesh: DisplayMesh,
  trianglesByFace: Map<number, number[]>,
): Pick<Features, "turnable" | "liveToolingFaces" | "turningAxis" | "maxDiameterMm" | "thread"> {
  const cylinders = faces.filter((face) => face.type === "cylinder" && face.originMm && face.axis);
  if (cylinders.length === 0) return { turnable: false, liveToolingFaces: [] };
  const main = cylinders.reduce((largest, face) => (face.areaMm2 > largest.areaMm2 ? face : largest));
  const axis = main.axis!;
  const origin = main.originMm!;
  // A modelled thread (B-spline flanks wound round the axis) is cut on the lathe: it conforms.
  const wound = new Map<number, WoundFace>();
  for (const face of faces) {
    if (face.type !== "other") continue;
    const shape = wrapsAxisAsThread(
      mesh,
      trianglesByFace.get(face.id) ?? [],
      subtract(origin, mesh.originMm),
      axis,
    );
    if (shape) wound.set(face.id, shape);
  }
  const conforms = (face: BrepFace) => {
    switch (face.type) {
      case "plane":
        return face.axis !== undefined && Math.abs(Math.abs(dot(face.axis, axis)) - 1) < 1e-6;
      case "cylinder":
      case "cone":
      case "torus":
        return (
          face.originMm !== undefined &&
          face.axis !== undefined &&
          sameAxisLine(origin, axis, face.originMm, face.axis)
        );
      case "sphere":
        return face.originMm !== undefined && sameAxisLine(origin, axis, face.originMm, axis);
      case "other":
        return wound.has(face.id);
      default:
        return false;
    }
  };
  const offAxis = faces.filter((face) => !conforms(face));
  const thread = threadOf(wound);
  // Exact radii for cylinders; cones and tori are read off their mesh, which lies on the exact surface.
  const radii = faces
    .filter(conforms)
    .map((face) =>
      face.type === "cylinder" || face.type === "sphere"
        ? (face.radiusMm ?? 0)
        : face.type === "other"
          ? (wound.get(face.id)?.maxRadiusMm ?? 0)
          : (revolution.get(face.id)?.maxRadiusMm ?? 0),
    );
  // A loop, not Math.max(0, ...radii): spreading ~125 k faces or more overflows the call stack.
  const maxRadius = radii.reduce((largest, radius) => (radius > largest ? radius : largest), 0);
  if (offAxis.length > 0) {
    // A shaft with flats or cross holes: turned, then milled with live tooling.
    const totalArea = faces.reduce((sum, face) => sum + face.areaMm2, 0);
    const roundArea = totalArea - offAxis.reduce((sum, face) => sum + face.areaMm2, 0);
    // …and the part must fit the bar its largest diameter needs: a plate with a round boss is no shaft.
    const fitsBar = maxRadialDistance(mesh, subtract(origin, mesh.originMm), axis) <= maxRadius * 1.02 + 0.01;
    const shaft = !revolution.get(main.id)?.concave && roundArea >= 0.5 * totalArea && fitsBar;
    return shaft
      ? {
          turnable: false,
          liveToolingFaces: offAxis.map((face) => face.id),
          turningAxis: axis,
          maxDiameterMm: 2 * maxRadius,
          ...(thread && { thread }),
        }
      : { turnable: false, liveToolingFaces: [] };
  }
  return {
    turnable: true,
    liveToolingFaces: [],
    turningAxis: axis,
    maxDiameterMm: 2 * maxRadius,
    ...(thread && { thread }),
  };
}

/** The largest distance of any mesh vertex from an axis line (the origin in the mesh's frame). */
function maxRadialDistance(mesh: DisplayMesh, originMm: Vector3, axis: Vector3): number {
  let largest = 0;
  const { positions } = mesh;
  for (let index = 0; index < positions.length; index += 3) {
    largest = Math.max(largest, radialDistance(positions, index, originMm, axis));
  }
  return largest;
}

/** A modelled thread: at least one flank; its faces are the flanks and the crests and roots beside them. */
function threadOf(wound: Map<number, WoundFace>): ThreadFeature | undefined {
  const flanks = [...wound.values()].filter((shape) => shape.kind === "flank");
  if (flanks.length === 0) return undefined;
  return {
    majorDiameterMm: 2 * Math.max(...flanks.map((shape) => shape.maxRadiusMm)),
    minorDiameterMm: 2 * Math.min(...flanks.map((shape) => shape.minRadiusMm)),
    faces: [...wound.keys()],
  };
}

function radialDistance(
  positions: ArrayLike<number>,
  index: number,
  originMm: Vector3,
  axis: Vector3,
): number {
  const offset: Vector3 = [
    positions[index]! - originMm[0],
    positions[index + 1]! - originMm[1],
    positions[index + 2]! - originMm[2],
  ];
  const along = dot(offset, axis);
  return Math.hypot(offset[0] - along * axis[0], offset[1] - along * axis[1], offset[2] - along * axis[2]);
}
