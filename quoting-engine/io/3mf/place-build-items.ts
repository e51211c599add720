import { millimetresPerUnit, type EngineNotice, type MeshPart } from "../cad-model";
import { partKey } from "./package-parts";
import {
  describeObject,
  IDENTITY,
  type ObjectRef,
  type ParsedModel,
  type Transform,
} from "./parse-model-part";
import { malformed, ReadFailure, tooLarge, tooManyTriangles, type Budget } from "./read-failure";

/** Components form a DAG that can fan out exponentially without ever emitting a triangle. */
const MAX_COMPONENT_VISITS = 1_000_000;

/** The transform applying `inner` first, then `outer` (row vectors: p * inner * outer). */
function compose(inner: Transform, outer: Transform): Transform {
  const [a00, a01, a02, a10, a11, a12, a20, a21, a22, a30, a31, a32] = inner;
  const [b00, b01, b02, b10, b11, b12, b20, b21, b22, b30, b31, b32] = outer;
  return [
    a00 * b00 + a01 * b10 + a02 * b20,
    a00 * b01 + a01 * b11 + a02 * b21,
    a00 * b02 + a01 * b12 + a02 * b22,
    a10 * b00 + a11 * b10 + a12 * b20,
    a10 * b01 + a11 * b11 + a12 * b21,
    a10 * b02 + a11 * b12 + a12 * b22,
    a20 * b00 + a21 * b10 + a22 * b20,
    a20 * b01 + a21 * b11 + a22 * b21,
    a20 * b02 + a21 * b12 + a22 * b22,
    a30 * b00 + a31 * b10 + a32 * b20 + b30,
    a30 * b01 + a31 * b11 + a32 * b21 + b31,
    a30 * b02 + a31 * b12 + a32 * b22 + b32,
  ];
}

function determinant(t: Transform): number {
  const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = t;
  return m00 * (m11 * m22 - m12 * m21) - m01 * (m10 * m22 - m12 * m20) + m02 * (m10 * m21 - m11 * m20);
}

/**
 * One MeshPart per placed instance of a mesh object on the build, in millimetres in the build's world
 * frame: item and component transforms composed, `p:path` references loaded through `loadModel`.
 * Notes skipped, empty and unit-mismatched objects once each. Throws too_large past the component-visit,
 * byte or triangle budget, malformed for a component cycle or an undefined object.
 */
export function placeBuildItems(
  root: ParsedModel,
  loadModel: (partName: string) => ParsedModel,
  budget: Budget,
  notices: EngineNotice[],
): MeshPart[] {
  const parts: MeshPart[] = [];
  const scale = millimetresPerUnit[root.unit];
  const onPath = new Set<string>();
  const noted = new Set<string>();
  let visits = 0;
  let placedBytes = 0;
  // Instances multiply: a small mesh placed a million times is as heavy as a large one.
  let placedTriangles = 0;
  // Instances of one object get their own index arrays, so analysis may edit one without the others.
  const handedOut = new Set<Uint32Array>();

  const note = (key: string, notice: EngineNotice): void => {
    if (noted.has(key)) return;
    noted.add(key);
    notices.push(notice);
  };

  const place = (ref: ObjectRef, model: ParsedModel, parent: Transform): void => {
    if (++visits > MAX_COMPONENT_VISITS) {
      throw new ReadFailure(
        "too_large",
        "This .3mf file nests its components so deeply that it places too many parts to process. Flatten the assembly and export again.",
      );
    }
    const target = ref.path === undefined ? model : loadModel(ref.path);
    if (target.unit !== root.unit) {
      note(`unit:${target.partName}`, {
        code: "3mf_unit_mismatch",
        severity: "warning",
        message: `The model part ${target.partName} declares a different unit from the main model; we used the main model's unit.`,
      });
    }
    const object = target.objects.get(ref.objectId);
    if (!object) {
      throw malformed(
        `This .3mf file places object ${ref.objectId}, which is not defined in ${target.partName}. Export the file again.`,
      );
    }
    const key = `${partKey(target.partName)}#${object.id}`;
    if (onPath.has(key)) {
      throw malformed(
        `Object ${describeObject(object)} in this .3mf file contains itself through its components, so it can't be built. ` +
          "Fix the assembly and export again.",
      );
    }
    if (object.type !== "model") {
      note(`type:${key}`, {
        code: "3mf_object_skipped",
        severity: "info",
        message: `Object ${describeObject(object)} is marked "${object.type}" rather than a model part, so it was not measured or priced.`,
      });
      return;
    }
    const transform = compose(ref.transform, parent);
    if (object.mesh) {
      if (object.mesh.indices.length === 0) {
        note(`empty:${key}`, {
          code: "3mf_empty_object",
          severity: "warning",
          message: `Object ${describeObject(object)} has no triangles and was skipped.`,
        });
      } else {
        placedBytes += object.mesh.positions.byteLength + object.mesh.indices.byteLength;
        if (placedBytes > budget.limitBytes) throw tooLarge(budget);
        placedTriangles += object.mesh.indices.length / 3;
        if (placedTriangles > budget.maxTriangles) throw tooManyTriangles(budget, "triangles");
        const mirrored = determinant(transform) < 0;
        const own = handedOut.has(object.mesh.indices) || mirrored;
        const indices = own ? object.mesh.indices.slice() : object.mesh.indices;
        if (!own) handedOut.add(object.mesh.indices);
        parts.push(placeMesh(object.name, object.mesh.positions, indices, transform, scale, mirrored));
      }
    } else if (!object.components) {
      note(`empty:${key}`, {
        code: "3mf_empty_object",
        severity: "warning",
        message: `Object ${describeObject(object)} has no mesh we can read and was skipped.`,
      });
    }
    if (object.components) {
      onPath.add(key);
      for (const component of object.components) place(component, target, transform);
      onPath.delete(key);
    }
  };

  for (const item of root.items) place(item, root, IDENTITY);
  return parts;
}

/**
 * Positions in millimetres, world frame. A mirroring transform turns outward normals inward, so we
 * reverse the winding (in place: the caller hands over an array of its own).
 */
function placeMesh(
  name: string | undefined,
  source: Float64Array,
  indices: Uint32Array,
  t: Transform,
  scale: number,
  mirrored: boolean,
): MeshPart {
  const [m00, m01, m02, m10, m11, m12, m20, m21, m22, m30, m31, m32] = t;
  const positions = new Float64Array(source.length);
  for (let i = 0; i < source.length; i += 3) {
    const x = source[i]!;
    const y = source[i + 1]!;
    const z = source[i + 2]!;
    const px = (x * m00 + y * m10 + z * m20 + m30) * scale;
    const py = (x * m01 + y * m11 + z * m21 + m31) * scale;
    const pz = (x * m02 + y * m12 + z * m22 + m32) * scale;
    if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(pz)) {
      throw malformed(
        `Object ${name ?? ""} in this .3mf file has coordinates too large to represent after placement. Export the file again.`,
      );
    }
    positions[i] = px;
    positions[i + 1] = py;
    positions[i + 2] = pz;
  }
  if (mirrored) {
    for (let i = 0; i < indices.length; i += 3) {
      const second = indices[i + 1]!;
      indices[i + 1] = indices[i + 2]!;
      indices[i + 2] = second;
    }
  }
  const part: MeshPart = { positions, indices };
  if (name !== undefined) part.name = name;
  return part;
}
