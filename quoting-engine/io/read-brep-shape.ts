import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";
import {
  engineFailure,
  type BrepFace,
  type CadModel,
  type EngineResult,
  type MeshPart,
  type SourceUnit,
  millimetresPerUnit,
} from "./cad-model";
import { getCadKernel } from "./cad-kernel";
import { openSurfacesFailure, sewnNotice } from "../sewing/describe-sewing";
import { sewBrepFaces } from "../sewing/sew-brep-faces";
import { openingsOf } from "../sewing/sew-surface-meshes";
import { findStepExchangeEnd, stepEndFailure } from "./step-exchange-end";
import { describeBrepFace } from "./describe-brep-face";
import { placeRepeatedShape, type MeasuredPrototype, type ShapeMeasures } from "./place-repeated-shape";
import { placeRepeatedMesh } from "./place-repeated-mesh";
import { readTriangulationNodes } from "./read-triangulation-nodes";
import { measureOptimalBox } from "./optimal-box";

type Occt = OpenCascadeInstance;

export interface ReadBrepOptions {
  /**
   * Integrate every copy of a repeated shape again, in its own placement, as before copies reused their
   * prototype's integrals (default false): for tests that compare the two.
   */
  measureEveryCopy?: boolean;
  /**
   * Mesh every copy of a repeated shape again, in its own placement and at its own tolerance, as before
   * copies took their prototype's triangulation (default false): for tests that compare the two.
   */
  meshEveryCopy?: boolean;
}

/**
 * Reads a STEP (AP203/214/242) or OpenCascade BREP file with OpenCascade 8 and returns exact measurements:
 * per solid the volume, area and bounding box from the B-rep itself (not a mesh), per face its surface type
 * and parameters, and a display mesh with a face id per triangle. Free shells are returned as open parts and
 * loose edges are ignored. Coordinates are millimetres (OpenCascade converts the file's unit).
 * A shape the file places several times (an assembly's repeated part) is integrated once: its copies take
 * its volume, areas and faces moved to their placement; each copy is still boxed and meshed where it lies.
 * Requires initCadKernel() to have finished.
 */
export function readBrepShape(
  format: "step" | "brep",
  bytes: Uint8Array,
  options: ReadBrepOptions = {},
): EngineResult<CadModel> {
  const kernel = getCadKernel();
  if (!kernel) throw new Error("initCadKernel() must finish before reading STEP or BREP files");
  const { occt, messages } = kernel;
  messages.length = 0;
  const read = format === "step" ? readStepShape(occt, bytes, messages) : readBrepText(occt, bytes);
  if (!read.ok) return read;
  const shape = read.value;
  // Solids measured on their own, kept for their copies until the file is read.
  const prototypes: MeasuredPrototype[] = [];
  try {
    const sourceUnit = format === "step" ? stepLengthUnit(bytes) : "mm";
    const parts: MeshPart[] = [];
    const faces: BrepFace[] = [];
    const T = occt.TopAbs_ShapeEnum;
    // Which solids' shapes a later solid places again: only their triangulations are read out for copies.
    const placedAgain =
      options.meshEveryCopy || options.measureEveryCopy ? new Set<number>() : solidsPlacedAgain(occt, shape);
    let solidIndex = 0;
    forEachSubShape(occt, shape, T.TopAbs_SOLID, T.TopAbs_SHAPE, (solid) => {
      const firstFaceId = faces.length;
      const hasCopies = placedAgain.has(solidIndex++);
      const placed = options.measureEveryCopy
        ? undefined
        : placeRepeatedShape(prototypes, solid, firstFaceId);
      const measures = placed?.measures ?? measureShape(occt, solid, "solid", firstFaceId);
      faces.push(...measures.faces);
      const copied =
        placed?.prototype.mesh && placeCopyMesh(occt, solid, firstFaceId, measures, placed.prototype.mesh);
      const part = copied ?? boxAndMesh(occt, solid, "solid", firstFaceId, measures);
      parts.push(part);
      if (!placed && !options.measureEveryCopy) {
        const location = solid.Location();
        const nodes = hasCopies ? readTriangulationNodes(occt, solid) : undefined;
        prototypes.push({
          solid: solid.Located(location, false),
          measures,
          ...(nodes?.nodeCount === part.positions.length / 3 ? { mesh: { part, firstFaceId, nodes } } : {}),
        });
        location.delete();
      }
    });
    // Faces outside solids (a surfaces-only export) are sewn; shells that close become solids.
    const loose = sewBrepFaces(occt, shape);
    for (const [list, kind] of [
      [loose?.solids ?? [], "solid"],
      [loose?.openShells ?? [], "shell"],
    ] as const)
      for (const sub of list) {
        const measures = measureShape(occt, sub, kind, faces.length);
        parts.push(boxAndMesh(occt, sub, kind, faces.length, measures));
        faces.push(...measures.faces);
        sub.delete();
      }
    if (loose && parts.length > 0 && parts.every((part) => part.kind === "shell"))
      return openSurfacesFailure(
        loose.surfaceCount,
        { ...openingsOf(parts), openEdges: loose.freeEdges },
        loose.toleranceMm,
      );
    if (parts.length === 0) {
      return engineFailure(
        "no_solid",
        "The file holds no solid or surface, only points, curves or construction geometry. Export the part as a solid body.",
      );
    }
    return {
      ok: true,
      value: {
        format,
        sourceUnit,
        scaleToMm: sourceUnit === "unknown" ? 1 : millimetresPerUnit[sourceUnit],
        parts,
        faces,
        notices: loose?.solids.length
          ? [sewnNotice(loose.sewnSurfaces, loose.toleranceMm, loose.solids.length)]
          : [],
      },
    };
  } finally {
    for (const { solid } of prototypes) solid.delete();
    shape.delete();
  }
}

function readStepShape(occt: Occt, bytes: Uint8Array, messages: string[]): EngineResult<TopoDS_Shape> {
  const end = findStepExchangeEnd(bytes);
  if (!end.ok) return stepEndFailure(end.reason);
  const path = "/input.step";
  // Only the exchange structure: what ISO 10303-21 allows after its end, not every reader does.
  occt.FS.writeFile(path, bytes.subarray(0, end.endOffset));
  const reader = new occt.STEPControl_Reader();
  const progress = new occt.Message_ProgressRange();
  try {
    const status = reader.ReadFile(path);
    if (status !== occt.IFSelect_ReturnStatus.IFSelect_RetDone) {
      const parserError = messages
        .find((line) => /ERR|Error|error/.test(line))
        ?.replace(/\*+/g, "")
        .trim();
      return engineFailure(
        "malformed",
        `The STEP file could not be read${parserError ? ` (${parserError.slice(0, 160)})` : ""}. Export it again from your CAD system, as AP214 or AP242.`,
      );
    }
    if (!reader.TransferRoots(progress)) {
      return engineFailure(
        "no_solid",
        "The STEP file holds no shape we can use. Export the part as a solid body.",
      );
    }
    const shape = reader.OneShape();
    if (shape.IsNull()) {
      shape.delete();
      return engineFailure(
        "no_solid",
        "The STEP file holds no shape we can use. Export the part as a solid body.",
      );
    }
    return { ok: true, value: shape };
  } finally {
    // The work session keeps the whole model alive after the reader is deleted: clear it, or every file leaks.
    const session = reader.WS();
    session.ClearData(1);
    session.ClearData(5);
    session.delete();
    progress.delete();
    reader.delete();
    occt.FS.unlink(path);
  }
}

function readBrepText(occt: Occt, bytes: Uint8Array): EngineResult<TopoDS_Shape> {
  let shape: TopoDS_Shape;
  try {
    shape = occt.BRepToolsWrapper.Read(new TextDecoder().decode(bytes));
  } catch {
    return engineFailure(
      "malformed",
      "The BREP file could not be read. Export it again from your CAD system.",
    );
  }
  if (shape.IsNull()) {
    shape.delete();
    return engineFailure(
      "malformed",
      "The BREP file could not be read (it is damaged or cut off). Export it again.",
    );
  }
  return { ok: true, value: shape };
}

/** The file's declared length unit, read from its SI_UNIT or CONVERSION_BASED_UNIT entity. */
export function stepLengthUnit(bytes: Uint8Array): SourceUnit {
  const text = new TextDecoder("latin1").decode(bytes);
  if (/CONVERSION_BASED_UNIT\s*\(\s*'(INCH|IN)'/i.test(text)) return "inch";
  if (/CONVERSION_BASED_UNIT\s*\(\s*'(FOOT|FT)'/i.test(text)) return "ft";
  const si = /LENGTH_UNIT\s*\(\s*\)[^;]*?SI_UNIT\s*\(\s*([.$A-Z]*)\s*,\s*\.METRE\.\s*\)/i.exec(text);
  if (si) {
    const prefix = (si[1] ?? "").toUpperCase();
    if (prefix === ".MILLI.") return "mm";
    if (prefix === ".CENTI.") return "cm";
    if (prefix === ".MICRO.") return "micron";
    if (prefix === "$" || prefix === "") return "m";
  }
  return "mm";
}

function forEachSubShape(
  occt: Occt,
  shape: TopoDS_Shape,
  type: string,
  avoid: string,
  visit: (sub: TopoDS_Shape) => void,
): void {
  const explorer = new occt.TopExp_Explorer(shape, type as never, avoid as never);
  try {
    for (; explorer.More(); explorer.Next()) {
      const sub = explorer.Current();
      try {
        visit(sub);
      } finally {
        sub.delete();
      }
    }
  } finally {
    explorer.delete();
  }
}

/**
 * The explorer indices of the solids whose shape (OpenCascade's TShape) a later solid of `shape` shares:
 * an assembly's parts placed more than once.
 */
function solidsPlacedAgain(occt: Occt, shape: TopoDS_Shape): Set<number> {
  // One solid per shape, the first to place it, with its explorer index.
  const firsts: { solid: TopoDS_Shape; index: number }[] = [];
  const placedAgain = new Set<number>();
  let index = 0;
  forEachSubShape(
    occt,
    shape,
    occt.TopAbs_ShapeEnum.TopAbs_SOLID,
    occt.TopAbs_ShapeEnum.TopAbs_SHAPE,
    (solid) => {
      // eslint-disable-next-line local/one-word-for-suppliers -- OpenCascade's word for "the same TShape"
      const first = firsts.find((earlier) => earlier.solid.IsPartner(solid));
      if (first) placedAgain.add(first.index);
      else {
        const location = solid.Location();
        firsts.push({ solid: solid.Located(location, false), index });
        location.delete();
      }
      index++;
    },
  );
  for (const { solid } of firsts) solid.delete();
  return placedAgain;
}

/** Exact volume and area of one solid or shell, and its faces with ids from `firstFaceId`. */
function measureShape(
  occt: Occt,
  shape: TopoDS_Shape,
  kind: "solid" | "shell",
  firstFaceId: number,
): ShapeMeasures {
  const faces: BrepFace[] = [];
  forEachSubShape(
    occt,
    shape,
    occt.TopAbs_ShapeEnum.TopAbs_FACE,
    occt.TopAbs_ShapeEnum.TopAbs_SHAPE,
    (faceShape) => {
      faces.push(describeBrepFace(occt, faceShape, firstFaceId + faces.length));
    },
  );
  let volumeMm3 = 0;
  let shellCount = 0;
  if (kind === "solid") {
    const volumeProps = new occt.GProp_GProps();
    occt.BRepGProp.VolumeProperties(shape, volumeProps, true, false, false);
    volumeMm3 = Math.abs(volumeProps.Mass());
    volumeProps.delete();
    forEachSubShape(
      occt,
      shape,
      occt.TopAbs_ShapeEnum.TopAbs_SHELL,
      occt.TopAbs_ShapeEnum.TopAbs_SHAPE,
      () => shellCount++,
    );
  }
  // The shape's area is its faces' areas added in explorer order, as BRepGProp.SurfaceProperties adds
  // them: the same sum to the last bit, without integrating every face a second time.
  let areaMm2 = 0;
  for (const face of faces) areaMm2 += face.areaMm2;
  return { faces, volumeMm3, areaMm2, internalVoids: Math.max(0, shellCount - 1) };
}

/**
 * The box and display mesh (tagged with face ids from `firstFaceId`) of one solid or shell where it lies,
 * with its measures. Both stay per copy: an optimal box does not turn with its shape, and the mesh's
 * tolerance follows the box (OpenCascade keeps one triangulation per shape, which copies share).
 */
function boxAndMesh(
  occt: Occt,
  shape: TopoDS_Shape,
  kind: "solid" | "shell",
  firstFaceId: number,
  { volumeMm3, areaMm2, internalVoids, faces }: ShapeMeasures,
): MeshPart {
  const bbox = measureOptimalBox(
    occt,
    shape,
    faces.map((face) => face.type),
  );

  // Display mesh: about 0.2 % of the part's size, 0.5 rad; fine enough to see, coarse enough to send.
  const size = Math.max(
    bbox.max[0] - bbox.min[0],
    bbox.max[1] - bbox.min[1],
    bbox.max[2] - bbox.min[2],
    1e-3,
  );
  const meshData = occt.ReplicadMeshExtractor.extract(shape, size * 0.002, 0.5, true);
  try {
    const memory = occt.wasmMemory.buffer;
    const vertices = new Float32Array(memory, meshData.getVerticesPtr(), meshData.getVerticesSize());
    const triangles = new Uint32Array(
      memory,
      meshData.getTrianglesPtr(),
      meshData.getTrianglesSize(),
    ).slice();
    const groups = new Int32Array(memory, meshData.getFaceGroupsPtr(), meshData.getFaceGroupsSize());
    const faceIds = new Int32Array(triangles.length / 3).fill(-1);
    // Groups are [first index, index count, face hash] per face, in the same order as the face explorer.
    for (let group = 0; group * 3 < groups.length; group++) {
      const first = (groups[group * 3] ?? 0) / 3;
      const count = (groups[group * 3 + 1] ?? 0) / 3;
      faceIds.fill(firstFaceId + group, first, first + count);
    }
    const positions = Float64Array.from(vertices);
    // Exact measurements belong to the B-rep; the mesh is only for looking at.
    return {
      positions,
      indices: triangles,
      faceIds,
      kind,
      exact: { volumeMm3, areaMm2, bbox, internalVoids },
    };
  } finally {
    meshData.delete();
  }
}

/**
 * A copy of a meshed prototype, boxed where it lies, its display mesh the prototype's triangulation in the
 * copy's placement (OpenCascade keeps one triangulation per shape, which its copies share): the same
 * triangles and face groups, the vertices moved in float64 from the kernel's nodes. Meshing each copy
 * again cost more than the rest of its reading. Undefined when the triangulation cannot be placed.
 */
function placeCopyMesh(
  occt: Occt,
  copy: TopoDS_Shape,
  firstFaceId: number,
  { volumeMm3, areaMm2, internalVoids, faces }: ShapeMeasures,
  prototype: NonNullable<MeasuredPrototype["mesh"]>,
): MeshPart | undefined {
  const vertices = placeRepeatedMesh(occt, copy, prototype.nodes);
  if (!vertices) return undefined;
  const shift = firstFaceId - prototype.firstFaceId;
  const faceIds = prototype.part.faceIds!.map((id) => (id < 0 ? id : id + shift));
  return {
    positions: Float64Array.from(vertices),
    indices: prototype.part.indices.slice(),
    faceIds,
    kind: "solid",
    exact: {
      volumeMm3,
      areaMm2,
      bbox: measureOptimalBox(
        occt,
        copy,
        faces.map((face) => face.type),
      ),
      internalVoids,
    },
  };
}
