import type { SaxesTagNS } from "saxes";
import type { SourceUnit } from "../cad-model";
import type { ZipEntry } from "../zip/read-zip-directory";
import { attribute, isCore, parseXmlPart, productionPath } from "./parse-xml-part";
import { precountMeshElements } from "./precount-mesh-elements";
import { malformed, tooManyTriangles, type Budget } from "./read-failure";

export type MetricUnit = Exclude<SourceUnit, "unknown">;

const UNITS: Record<string, MetricUnit> = {
  micron: "micron",
  millimeter: "mm",
  centimeter: "cm",
  inch: "inch",
  foot: "ft",
  meter: "m",
};

/** 3MF affine transform "m00 m01 m02 m10 m11 m12 m20 m21 m22 m30 m31 m32", row-vector convention. */
export type Transform = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

export const IDENTITY: Transform = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];

export interface ObjectRef {
  objectId: string;
  /** Production extension: the model part holding the object, absent for the same part. */
  path?: string;
  transform: Transform;
}

export interface ModelObject {
  id: string;
  name?: string;
  type: string;
  mesh?: { positions: Float64Array; indices: Uint32Array };
  components?: ObjectRef[];
}

export interface ParsedModel {
  partName: string;
  unit: MetricUnit;
  objects: Map<string, ModelObject>;
  items: ObjectRef[];
  /** Namespace URIs listed in requiredextensions. */
  requiredExtensions: string[];
}

/** Float64 or Uint32 storage that doubles as it fills, so no vertex is boxed in a JS array. */
class GrowableArray<T extends Float64Array | Uint32Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly allocate: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.allocate(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * Parses one model part: its unit, objects (meshes and components) and build items, counting vertices and
 * triangles against the budget as they stream in. Throws malformed ReadFailures for XML that is not a
 * 3MF model, unknown units, duplicate or id-less objects, bad coordinates, indices and transforms.
 */
export function parseModelPart(bytes: Uint8Array, entry: ZipEntry, budget: Budget): ParsedModel {
  const model: ParsedModel = {
    partName: entry.name,
    unit: "mm",
    objects: new Map(),
    items: [],
    requiredExtensions: [],
  };
  const where = (line: number) => `line ${line} of ${entry.name}`;
  // Core element names by depth; null marks an element of another namespace, whose contents we skip.
  const stack: (string | null)[] = [];
  let object: ModelObject | undefined;
  let positions: GrowableArray<Float64Array> | undefined;
  let indices: GrowableArray<Uint32Array> | undefined;
  let meshStartLine = 0;

  const open = (tag: SaxesTagNS, line: number): void => {
    const parent = stack.length === 0 ? undefined : stack[stack.length - 1];
    const local = isCore(tag) && parent !== null ? tag.local : null;
    stack.push(local);
    if (stack.length === 1 && local !== "model") {
      throw malformed(
        `The part "${entry.name}" of this .3mf file is not a 3MF model. Export the file again.`,
      );
    }
    switch (local) {
      case "vertex":
        if (parent === "vertices" && positions) {
          if (++budget.vertices > budget.maxTriangles * 3) throw tooManyTriangles(budget, "vertices");
          positions.push(coordinate(tag, "x", line));
          positions.push(coordinate(tag, "y", line));
          positions.push(coordinate(tag, "z", line));
        }
        return;
      case "triangle":
        if (parent === "triangles" && indices) {
          if (++budget.triangles > budget.maxTriangles) throw tooManyTriangles(budget, "triangles");
          indices.push(vertexIndex(tag, "v1", line));
          indices.push(vertexIndex(tag, "v2", line));
          indices.push(vertexIndex(tag, "v3", line));
        }
        return;
      case "model": {
        if (stack.length !== 1) return;
        const unitName = attribute(tag, "unit") ?? "millimeter";
        // Own keys only: unit="constructor" must not find Object's constructor.
        const unit = Object.hasOwn(UNITS, unitName) ? UNITS[unitName] : undefined;
        if (!unit) {
          throw malformed(
            `This .3mf file uses an unknown unit "${unitName}" (${where(line)}). Export it again in millimetres or inches.`,
          );
        }
        model.unit = unit;
        const prefixes = attribute(tag, "requiredextensions")?.trim().split(/\s+/) ?? [];
        model.requiredExtensions = prefixes.filter((p) => p !== "").map((p) => tag.ns[p] ?? p);
        return;
      }
      case "object": {
        if (parent !== "resources") return;
        const id = attribute(tag, "id");
        if (id === undefined)
          throw malformed(`An object in this .3mf file has no id (${where(line)}). Export the file again.`);
        if (model.objects.has(id)) {
          throw malformed(
            `This .3mf file defines object ${id} twice (${where(line)}). Export the file again.`,
          );
        }
        object = { id, name: attribute(tag, "name"), type: attribute(tag, "type") ?? "model" };
        return;
      }
      case "mesh":
        if (parent === "object" && object) {
          positions = new GrowableArray(new Float64Array(1024), (size) => new Float64Array(size));
          indices = new GrowableArray(new Uint32Array(1024), (size) => new Uint32Array(size));
          meshStartLine = line;
        }
        return;
      case "components":
        if (parent === "object" && object) object.components = [];
        return;
      case "component":
        if (parent === "components" && object?.components) object.components.push(objectRef(tag, line));
        return;
      case "item":
        if (parent === "build") model.items.push(objectRef(tag, line));
        return;
      default:
        return;
    }
  };

  const close = (): void => {
    const local = stack.pop();
    if (local === "mesh" && object && positions && indices) {
      object.mesh = { positions: positions.toArray(), indices: indices.toArray() };
      checkIndices(object, where(meshStartLine));
      positions = undefined;
      indices = undefined;
    } else if (local === "object" && object) {
      model.objects.set(object.id, object);
      object = undefined;
    }
  };

  const coordinate = (tag: SaxesTagNS, name: string, line: number): number => {
    const text = attribute(tag, name);
    const value = text === undefined || text.trim() === "" ? NaN : Number(text);
    if (!Number.isFinite(value)) {
      throw malformed(
        `A vertex in this .3mf file has an invalid ${name} coordinate "${text ?? ""}" (${where(line)}). ` +
          "The file is damaged; export it again.",
      );
    }
    return value;
  };

  const vertexIndex = (tag: SaxesTagNS, name: string, line: number): number => {
    const text = attribute(tag, name);
    const value = text === undefined || text.trim() === "" ? NaN : Number(text);
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw malformed(
        `A triangle in this .3mf file has an invalid corner ${name}="${text ?? ""}" (${where(line)}). ` +
          "The file is damaged; export it again.",
      );
    }
    return value;
  };

  const objectRef = (tag: SaxesTagNS, line: number): ObjectRef => {
    const objectId = attribute(tag, "objectid");
    if (objectId === undefined) {
      throw malformed(
        `A part placement in this .3mf file names no object (${where(line)}). Export the file again.`,
      );
    }
    return {
      objectId,
      path: productionPath(tag),
      transform: parseTransform(attribute(tag, "transform"), where(line)),
    };
  };

  precountMeshElements(bytes, entry, budget);
  parseXmlPart(bytes, entry, budget, { open, close });
  return model;
}

function parseTransform(text: string | undefined, where: string): Transform {
  if (text === undefined) return IDENTITY;
  const numbers = text.trim().split(/\s+/).map(Number);
  if (numbers.length !== 12 || !numbers.every(Number.isFinite)) {
    throw malformed(`This .3mf file has an invalid transform "${text}" (${where}). Export the file again.`);
  }
  const m = (index: number): number => numbers[index] ?? NaN;
  return [m(0), m(1), m(2), m(3), m(4), m(5), m(6), m(7), m(8), m(9), m(10), m(11)];
}

function checkIndices(object: ModelObject, where: string): void {
  if (!object.mesh) return;
  const vertexCount = object.mesh.positions.length / 3;
  const { indices } = object.mesh;
  for (let i = 0; i < indices.length; i++) {
    if (indices[i]! >= vertexCount) {
      throw malformed(
        `Triangle ${Math.floor(i / 3) + 1} of object ${describeObject(object)} refers to vertex ${indices[i]}, ` +
          `but the object has only ${vertexCount} vertices (mesh at ${where}). The file is damaged; export it again.`,
      );
    }
  }
}

export function describeObject(object: ModelObject): string {
  return object.name ? `"${object.name}" (id ${object.id})` : `id ${object.id}`;
}
