import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";
import type { BrepFace } from "./cad-model";

type Vector3 = [number, number, number];

/**
 * One B-rep face's surface type, parameters (axis, origin, radii, in the face's placement) and exact area.
 */
export function describeBrepFace(occt: OpenCascadeInstance, faceShape: TopoDS_Shape, id: number): BrepFace {
  const face = occt.TopoDS.Face(faceShape);
  // Unrestricted: the face's UV bounds (computed from its edges) change neither the surface's type nor
  // its parameters, nor the points sampled on cones and tori.
  const adaptor = new occt.BRepAdaptor_Surface(face, false);
  const props = new occt.GProp_GProps();
  occt.BRepGProp.SurfaceProperties(face, props, false, false);
  const areaMm2 = props.Mass();
  props.delete();
  const kinds = occt.GeomAbs_SurfaceType;
  const type = adaptor.GetType();
  try {
    if (type === kinds.GeomAbs_Plane) {
      const plane = adaptor.Plane();
      const axis = plane.Axis();
      const direction = axis.Direction();
      const normal: Vector3 = [direction.X(), direction.Y(), direction.Z()];
      [direction, axis, plane].forEach((object) => object.delete());
      return { id, type: "plane", axis: normal, areaMm2 };
    }
    if (type === kinds.GeomAbs_Cylinder) {
      const cylinder = adaptor.Cylinder();
      const axis = cylinder.Axis();
      const direction = axis.Direction();
      const location = axis.Location();
      const result: BrepFace = {
        id,
        type: "cylinder",
        radiusMm: cylinder.Radius(),
        axis: [direction.X(), direction.Y(), direction.Z()],
        originMm: [location.X(), location.Y(), location.Z()],
        areaMm2,
      };
      [location, direction, axis, cylinder].forEach((object) => object.delete());
      return result;
    }
    if (type === kinds.GeomAbs_Sphere) {
      const sphere = adaptor.Sphere();
      const location = sphere.Location();
      const result: BrepFace = {
        id,
        type: "sphere",
        radiusMm: sphere.Radius(),
        originMm: [location.X(), location.Y(), location.Z()],
        areaMm2,
      };
      [location, sphere].forEach((object) => object.delete());
      return result;
    }
    if (type === kinds.GeomAbs_Cone) return { id, ...coneFromSamples(adaptor), areaMm2 };
    if (type === kinds.GeomAbs_Torus) return { id, ...torusFromSamples(adaptor), areaMm2 };
    return { id, type: "other", areaMm2 };
  } finally {
    adaptor.delete();
    face.delete();
  }
}

type SurfaceSampler = {
  Value(u: number, v: number): { X(): number; Y(): number; Z(): number; delete(): void };
};

function sample(surface: SurfaceSampler, u: number, v: number): Vector3 {
  const point = surface.Value(u, v);
  const result: Vector3 = [point.X(), point.Y(), point.Z()];
  point.delete();
  return result;
}

const subtract = (a: Vector3, b: Vector3): Vector3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Vector3, b: Vector3): Vector3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: Vector3, factor: number): Vector3 => [a[0] * factor, a[1] * factor, a[2] * factor];
const length = (a: Vector3) => Math.hypot(a[0], a[1], a[2]);
const normalize = (a: Vector3): Vector3 => scale(a, 1 / (length(a) || 1));
const cross = (a: Vector3, b: Vector3): Vector3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/**
 * This OpenCascade build does not expose gp_Cone, so the cone is measured from points on it: OpenCascade's
 * cone is P(u, v) = C + (R + v·sin α)(cos u·X + sin u·Y) + v·cos α·Z, exact for these samples.
 */
function coneFromSamples(surface: SurfaceSampler): Omit<BrepFace, "id" | "areaMm2"> {
  const [a0, a1, b0, b1] = [
    sample(surface, 0, 0),
    sample(surface, Math.PI, 0),
    sample(surface, 0, 1),
    sample(surface, Math.PI, 1),
  ];
  const centre0 = scale(add(a0, a1), 0.5);
  const centre1 = scale(add(b0, b1), 0.5);
  const axis = normalize(subtract(centre1, centre0));
  const radius0 = length(subtract(a0, a1)) / 2;
  const radius1 = length(subtract(b0, b1)) / 2;
  const halfAngleDeg =
    (Math.atan2(Math.abs(radius1 - radius0), length(subtract(centre1, centre0))) * 180) / Math.PI;
  return { type: "cone", radiusMm: radius0, axis, originMm: centre0, halfAngleDeg };
}

/** P(u, v) = C + (R + r·cos v)(cos u·X + sin u·Y) + r·sin v·Z, as OpenCascade defines its torus. */
function torusFromSamples(surface: SurfaceSampler): Omit<BrepFace, "id" | "areaMm2"> {
  const [outer0, outer1, inner0, inner1, quarter] = [
    sample(surface, 0, 0),
    sample(surface, Math.PI, 0),
    sample(surface, 0, Math.PI),
    sample(surface, Math.PI, Math.PI),
    sample(surface, Math.PI / 2, 0),
  ];
  const centre = scale(add(outer0, outer1), 0.5);
  const outerRadius = length(subtract(outer0, outer1)) / 2;
  const innerRadius = length(subtract(inner0, inner1)) / 2;
  const axis = normalize(cross(subtract(outer0, centre), subtract(quarter, centre)));
  return {
    type: "torus",
    radiusMm: (outerRadius + innerRadius) / 2,
    minorRadiusMm: (outerRadius - innerRadius) / 2,
    axis,
    originMm: centre,
  };
}
