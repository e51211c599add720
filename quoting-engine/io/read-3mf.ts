import { Inflate } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";
import {
  engineFailure,
  millimetresPerUnit,
  type CadModel,
  type EngineErrorCode,
  type EngineNotice,
  type EngineResult,
  type MeshPart,
  type SourceUnit,
} from "./cad-model";

const CORE_NS = "http://schemas.microsoft.com/3dmanufacturing/core/2015/02";
const PRODUCTION_NS = "http://schemas.microsoft.com/3dmanufacturing/production/2015/06";
const MATERIAL_NS = "http://schemas.microsoft.com/3dmanufacturing/material/2015/02";
const MODEL_RELATIONSHIP_TYPE = "http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel";
const FALLBACK_MODEL_PART = "3D/3dmodel.model";
const PACKAGE_RELATIONSHIPS_PART = "_rels/.rels";

const DEFAULT_MAX_UNCOMPRESSED_BYTES = 1024 ** 3;
/** DEFLATE expands at most about 1032:1, so one 16 KiB input chunk inflates to at most about 16 MiB. */
const INFLATE_INPUT_CHUNK_BYTES = 16 * 1024;
/** Components form a DAG that can fan out exponentially without ever emitting a triangle. */
const MAX_COMPONENT_VISITS = 1_000_000;

/** Extensions whose required use changes nothing about the geometry we read. */
const GEOMETRY_NEUTRAL_EXTENSIONS = new Set([CORE_NS, PRODUCTION_NS, MATERIAL_NS]);

type MetricUnit = Exclude<SourceUnit, "unknown">;

const UNITS: Record<string, MetricUnit> = {
  micron: "micron",
  millimeter: "mm",
  centimeter: "cm",
  inch: "inch",
  foot: "ft",
  meter: "m",
};

const DAMAGED_ARCHIVE =
  "This .3mf file is damaged or is not a 3MF file: its ZIP archive can't be read. " +
  "Export it again from your CAD or slicer program and upload the new file.";

export interface Read3mfOptions {
  /**
   * Most bytes the model parts may unpack to, summed over every part read, and also the most
   * bytes of placed geometry produced. Default 1 GiB. Guards against ZIP bombs.
   */
  maxUncompressedBytes?: number;
  /**
   * Most triangles read and placed (default 5 000 000), and three times as many vertices. Counted while
   * the XML streams in, so a file holding more is refused before its arrays grow past the budget.
   */
  maxTriangles?: number;
}

const DEFAULT_MAX_TRIANGLES = 5_000_000;

/**
 * Reads a 3MF package: the core spec plus the Production extension's model parts referenced by
 * `p:path`. Returns one MeshPart per placed instance of a mesh object, positions in millimetres in
 * the build's world frame (units converted, item and component transforms applied), `faces: []`.
 *
 * Model parts are inflated in chunks straight into a streaming XML parser, so a large model is
 * never held as one string.
 *
 * Fails with empty_file (0 bytes); malformed (damaged or non-ZIP archive, no model part, invalid
 * XML, triangle index out of range, non-finite coordinates, component cycle, missing object);
 * unsupported_format (encrypted entry, unknown ZIP compression); too_large (model parts unpack, or
 * placed geometry grows, beyond `maxUncompressedBytes`); no_solid (nothing printable on the build).
 */
export function read3mf(bytes: Uint8Array, options?: Read3mfOptions): EngineResult<CadModel> {
  const limitBytes = options?.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxTriangles = options?.maxTriangles ?? DEFAULT_MAX_TRIANGLES;
  if (bytes.length === 0) {
    return engineFailure(
      "empty_file",
      "The .3mf file is empty (0 bytes). Export it again and upload the new file.",
    );
  }
  try {
    return {
      ok: true,
      value: readPackage(bytes, { limitBytes, usedBytes: 0, maxTriangles, triangles: 0, vertices: 0 }),
    };
  } catch (error) {
    if (error instanceof ReadFailure) return engineFailure(error.code, error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return engineFailure(
      "internal_error",
      `We could not read this .3mf file because of a fault on our side (${detail}).`,
    );
  }
}

/** An expected failure raised inside the streaming callbacks and turned into a value at the top. */
class ReadFailure extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function malformed(message: string): ReadFailure {
  return new ReadFailure("malformed", message);
}

interface Budget {
  limitBytes: number;
  usedBytes: number;
  maxTriangles: number;
  /** Read so far, over every model part (a vertex costs as much as a triangle's three corners). */
  triangles: number;
  vertices: number;
}

function tooManyTriangles(budget: Budget, what: "triangles" | "vertices"): ReadFailure {
  const limit = what === "triangles" ? budget.maxTriangles : budget.maxTriangles * 3;
  return new ReadFailure(
    "too_large",
    `This .3mf file holds more than ${limit.toLocaleString("en")} ${what}, more than we analyse per file. ` +
      "Reduce the mesh resolution (a coarser export or decimation) or split the model into several files.",
  );
}

function tooLarge(budget: Budget): ReadFailure {
  return new ReadFailure(
    "too_large",
    `This .3mf file unpacks to more than ${formatBytes(budget.limitBytes)} of model data, more than we can process. ` +
      "Reduce the mesh resolution or split the model into several files and upload them separately.",
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function readPackage(bytes: Uint8Array, budget: Budget): CadModel {
  const entries = readZipDirectory(bytes);
  const notices: EngineNotice[] = [];
  const rootPart = findRootModelPart(bytes, entries, budget, notices);

  const models = new Map<string, ParsedModel>();
  const loadModel = (partName: string): ParsedModel => {
    const key = partKey(partName);
    const cached = models.get(key);
    if (cached) return cached;
    const entry = findEntry(entries, partName);
    if (!entry) {
      throw malformed(
        `This .3mf file refers to a model part "${partName}" that is missing from the archive. Export the file again.`,
      );
    }
    const model = parseModelPart(bytes, entry, budget);
    models.set(key, model);
    return model;
  };

  const root = loadModel(rootPart);
  noteRequiredExtensions(root, notices);
  if (root.items.length === 0) {
    throw new ReadFailure(
      "no_solid",
      "This .3mf file has no objects on its build plate, so there is nothing to make. Place the parts on the build plate and export again.",
    );
  }

  const parts = placeBuildItems(root, loadModel, budget, notices);
  if (parts.length === 0) {
    throw new ReadFailure(
      "no_solid",
      "This .3mf file contains no printable model objects (only supports or empty objects). Export the parts themselves and upload again.",
    );
  }
  return {
    format: "3mf",
    sourceUnit: root.unit,
    scaleToMm: millimetresPerUnit[root.unit],
    parts,
    faces: [],
    notices,
  };
}

// ---------------------------------------------------------------------------------------------
// ZIP: read from the central directory, which OPC makes authoritative (local headers may carry
// zero sizes when a data descriptor follows the data).

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_LOCAL_HEADER = 0x04034b50;
const SIG_CENTRAL_HEADER = 0x02014b50;
const SIG_END_OF_DIRECTORY = 0x06054b50;
const SIG_ZIP64_END_OF_DIRECTORY = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

/** Entries keyed by part key (see partKey). Throws malformed when the archive can't be read. */
function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  let entryCount = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) throw malformed(DAMAGED_ARCHIVE);
    const record = readUint64(view, locator + 8);
    if (record + 56 > view.byteLength || view.getUint32(record, true) !== SIG_ZIP64_END_OF_DIRECTORY) {
      throw malformed(DAMAGED_ARCHIVE);
    }
    entryCount = readUint64(view, record + 32);
    directorySize = readUint64(view, record + 40);
    directoryOffset = readUint64(view, record + 48);
  }
  const directoryEnd = directoryOffset + directorySize;
  if (directoryEnd > view.byteLength) throw malformed(DAMAGED_ARCHIVE);

  const entries = new Map<string, ZipEntry>();
  const utf8 = new TextDecoder();
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > directoryEnd || view.getUint32(at, true) !== SIG_CENTRAL_HEADER)
      throw malformed(DAMAGED_ARCHIVE);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) throw malformed(DAMAGED_ARCHIVE);
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    const key = partKey(entry.name);
    // OPC forbids duplicate part names; keep the first rather than guess.
    if (!entry.name.endsWith("/") && !entries.has(key)) entries.set(key, entry);
    at = next;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (
      view.getUint32(at, true) === SIG_END_OF_DIRECTORY &&
      at + 22 + view.getUint16(at + 20, true) <= view.byteLength
    ) {
      return at;
    }
  }
  throw malformed(DAMAGED_ARCHIVE);
}

/** ZIP64 stores the real values of fields saturated at 0xffffffff in an extra field, in this order. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const fieldEnd = field + size;
      const take = (): number => {
        if (field + 8 > fieldEnd) throw malformed(DAMAGED_ARCHIVE);
        const value = readUint64(view, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + size;
  }
}

function readUint64(view: DataView, at: number): number {
  if (at + 8 > view.byteLength) throw malformed(DAMAGED_ARCHIVE);
  const low = view.getUint32(at, true);
  const high = view.getUint32(at + 4, true);
  // Past 2^53 the value is not a safe integer, and no array we hold is that large anyway.
  if (high >= 0x200000) throw malformed(DAMAGED_ARCHIVE);
  return high * 0x100000000 + low;
}

/** OPC part names compare case-insensitively and may be percent-encoded; zip names lack the leading slash. */
function partKey(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all: compare the name as written.
  }
  return decoded.replace(/^\.?\/+/, "").toLowerCase();
}

function findEntry(entries: Map<string, ZipEntry>, partName: string): ZipEntry | undefined {
  return entries.get(partKey(partName));
}

/**
 * Feeds the uncompressed bytes of an entry to `sink` in bounded chunks, checking the size budget
 * against both the declared size (before any work) and the bytes actually produced.
 */
function streamEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  sink: (chunk: Uint8Array) => void,
  /** The checksum is checked by the pass that uses the content; a counting pass may skip it. */
  verifyCrc = true,
): void {
  if (entry.flags & 1) {
    throw new ReadFailure(
      "unsupported_format",
      `The part "${entry.name}" of this .3mf file is encrypted, which we can't read. Export it again without a password.`,
    );
  }
  if (budget.usedBytes + entry.uncompressedSize > budget.limitBytes) throw tooLarge(budget);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== SIG_LOCAL_HEADER)
    throw malformed(DAMAGED_ARCHIVE);
  const dataStart = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw malformed(DAMAGED_ARCHIVE);

  let produced = 0;
  let crc = 0xffffffff;
  const accept = (chunk: Uint8Array): void => {
    produced += chunk.length;
    // The declared size may lie: count what actually comes out.
    if (budget.usedBytes + produced > budget.limitBytes) throw tooLarge(budget);
    if (produced > entry.uncompressedSize) throw malformed(DAMAGED_ARCHIVE);
    if (verifyCrc) crc = updateCrc32(crc, chunk);
    if (chunk.length > 0) sink(chunk);
  };

  if (entry.method === 0) {
    for (let at = dataStart; at < dataEnd; at += INFLATE_INPUT_CHUNK_BYTES) {
      accept(bytes.subarray(at, Math.min(dataEnd, at + INFLATE_INPUT_CHUNK_BYTES)));
    }
  } else if (entry.method === 8) {
    const inflater = new Inflate((chunk) => accept(chunk));
    try {
      if (dataStart === dataEnd) inflater.push(new Uint8Array(0), true);
      for (let at = dataStart; at < dataEnd; at += INFLATE_INPUT_CHUNK_BYTES) {
        const chunkEnd = Math.min(dataEnd, at + INFLATE_INPUT_CHUNK_BYTES);
        inflater.push(bytes.subarray(at, chunkEnd), chunkEnd === dataEnd);
      }
    } catch (error) {
      if (error instanceof ReadFailure) throw error;
      throw malformed(DAMAGED_ARCHIVE);
    }
  } else {
    throw new ReadFailure(
      "unsupported_format",
      `The part "${entry.name}" of this .3mf file uses a ZIP compression method (${entry.method}) we can't read. ` +
        "Export it again with standard (Deflate) compression.",
    );
  }
  if (produced !== entry.uncompressedSize || (verifyCrc && (crc ^ 0xffffffff) >>> 0 !== entry.crc32))
    throw malformed(DAMAGED_ARCHIVE);
  budget.usedBytes += produced;
}

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function updateCrc32(crc: number, chunk: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < chunk.length; i++) c = CRC32_TABLE[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

// ---------------------------------------------------------------------------------------------
// XML

/** Streams an entry through saxes with namespaces resolved; XML errors become malformed failures. */
function parseXmlEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  handlers: { open: (tag: SaxesTagNS, line: number) => void; close: (tag: SaxesTagNS) => void },
): void {
  const parser = new SaxesParser({ xmlns: true, fileName: entry.name });
  parser.on("error", (error) => {
    throw malformed(
      `The part "${entry.name}" of this .3mf file is not valid XML (${error.message}). Export the file again.`,
    );
  });
  parser.on("opentag", (tag) => handlers.open(tag, parser.line));
  parser.on("closetag", (tag) => handlers.close(tag));

  // OPC allows UTF-16 parts, which announce themselves with a byte-order mark.
  let decoder: TextDecoder | undefined;
  const decode = (chunk?: Uint8Array): string => {
    decoder ??= new TextDecoder(byteOrderLabel(chunk), { fatal: true });
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw malformed(`The part "${entry.name}" of this .3mf file is not valid text. Export the file again.`);
    }
  };
  streamEntry(bytes, entry, budget, (chunk) => parser.write(decode(chunk)));
  parser.write(decode());
  parser.close();
}

function byteOrderLabel(chunk: Uint8Array | undefined): string {
  if (chunk && chunk[0] === 0xff && chunk[1] === 0xfe) return "utf-16le";
  if (chunk && chunk[0] === 0xfe && chunk[1] === 0xff) return "utf-16be";
  return "utf-8";
}

function attribute(tag: SaxesTagNS, name: string): string | undefined {
  return tag.attributes[name]?.value;
}

function productionPath(tag: SaxesTagNS): string | undefined {
  for (const attr of Object.values(tag.attributes)) {
    if (attr.uri === PRODUCTION_NS && attr.local === "path") return attr.value;
  }
  return undefined;
}

/** Producers that forget the default namespace still mean the core elements. */
function isCore(tag: SaxesTagNS): boolean {
  return tag.uri === CORE_NS || tag.uri === "";
}

/** The root model part named by the package relationships, else the conventional name. */
function findRootModelPart(
  bytes: Uint8Array,
  entries: Map<string, ZipEntry>,
  budget: Budget,
  notices: EngineNotice[],
): string {
  const relationships = findEntry(entries, PACKAGE_RELATIONSHIPS_PART);
  let target: string | undefined;
  if (relationships) {
    try {
      parseXmlEntry(bytes, relationships, budget, {
        open: (tag) => {
          if (
            target === undefined &&
            tag.local === "Relationship" &&
            attribute(tag, "Type")?.trim() === MODEL_RELATIONSHIP_TYPE
          ) {
            target = attribute(tag, "Target");
          }
        },
        close: () => {},
      });
    } catch (error) {
      // A broken relationships part should not hide a model that sits where it always does.
      if (!(error instanceof ReadFailure) || error.code !== "malformed") throw error;
    }
  }
  if (target !== undefined && findEntry(entries, target)) return target;
  if (findEntry(entries, FALLBACK_MODEL_PART)) {
    if (target !== undefined || relationships) {
      notices.push({
        code: "3mf_root_model_assumed",
        severity: "warning",
        message: `The file's package index does not point at a 3D model, so we read ${FALLBACK_MODEL_PART}.`,
      });
    }
    return FALLBACK_MODEL_PART;
  }
  throw malformed(
    "This .3mf file contains no 3D model. It may be a different kind of ZIP archive renamed to .3mf. " +
      "Export the model again as 3MF from your CAD or slicer program.",
  );
}

// ---------------------------------------------------------------------------------------------
// Model parts

/** 3MF affine transform "m00 m01 m02 m10 m11 m12 m20 m21 m22 m30 m31 m32", row-vector convention. */
type Transform = [
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

const IDENTITY: Transform = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];

interface ObjectRef {
  objectId: string;
  /** Production extension: the model part holding the object, absent for the same part. */
  path?: string;
  transform: Transform;
}

interface ModelObject {
  id: string;
  name?: string;
  type: string;
  mesh?: { positions: Float64Array; indices: Uint32Array };
  components?: ObjectRef[];
}

interface ParsedModel {
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

function parseModelPart(bytes: Uint8Array, entry: ZipEntry, budget: Budget): ParsedModel {
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
  parseXmlEntry(bytes, entry, budget, { open, close });
  return model;
}

const LESS_THAN = 0x3c;
/** Longest element name (with prefix) looked at; mesh elements are far shorter. */
const NAME_WINDOW = 64;

/**
 * Counts the vertex and triangle elements of a model part before it is parsed: the part is inflated
 * once more and its element names are looked at byte by byte, with nothing kept that grows with the
 * file. A part holding more than the budget is refused here, in a few seconds even for a small archive
 * that unpacks to a gigabyte, before the parsing pass spends its time and its arrays on it. (The
 * parsing pass counts exactly as well; this count may include elements in comments, never fewer.)
 * UTF-16 parts are left to the parsing pass.
 */
function precountMeshElements(bytes: Uint8Array, entry: ZipEntry, budget: Budget): void {
  let vertices = budget.vertices;
  let triangles = budget.triangles;
  let first = true;
  let utf16 = false;
  let carry: Uint8Array | undefined;
  // A copy: the size budget is checked again, but the bytes are counted once, by the parsing pass.
  streamEntry(
    bytes,
    entry,
    { ...budget },
    (chunk) => {
      if (first) {
        first = false;
        utf16 = (chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0xff && chunk[1] === 0xfe);
      }
      if (utf16) return;
      let data = chunk;
      if (carry) {
        data = new Uint8Array(carry.length + chunk.length);
        data.set(carry);
        data.set(chunk, carry.length);
        carry = undefined;
      }
      let at = data.indexOf(LESS_THAN);
      while (at !== -1) {
        if (data.length - at <= NAME_WINDOW) {
          carry = data.slice(at); // the name may go on in the next chunk
          return;
        }
        const name = elementLocalName(data, at + 1);
        if (name === "vertex") {
          if (++vertices > budget.maxTriangles * 3) throw tooManyTriangles(budget, "vertices");
        } else if (name === "triangle") {
          if (++triangles > budget.maxTriangles) throw tooManyTriangles(budget, "triangles");
        }
        at = data.indexOf(LESS_THAN, at + 1);
      }
    },
    false,
  );
}

const VERTEX_BYTES = [0x76, 0x65, 0x72, 0x74, 0x65, 0x78]; // "vertex"
const TRIANGLE_BYTES = [0x74, 0x72, 0x69, 0x61, 0x6e, 0x67, 0x6c, 0x65]; // "triangle"

/** The element name after a `<` without its prefix, when it is `vertex` or `triangle`; else "". */
function elementLocalName(data: Uint8Array, start: number): "vertex" | "triangle" | "" {
  let nameStart = start;
  let end = start;
  for (; end < start + NAME_WINDOW; end++) {
    const byte = data[end]!;
    if (byte === 0x3a)
      nameStart = end + 1; // ':' ends a prefix
    else if (
      byte === 0x20 ||
      byte === 0x09 ||
      byte === 0x0a ||
      byte === 0x0d ||
      byte === 0x2f ||
      byte === 0x3e
    )
      break;
  }
  const matches = (expected: number[]) =>
    end - nameStart === expected.length && expected.every((byte, index) => data[nameStart + index] === byte);
  if (matches(VERTEX_BYTES)) return "vertex";
  if (matches(TRIANGLE_BYTES)) return "triangle";
  return "";
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

function describeObject(object: ModelObject): string {
  return object.name ? `"${object.name}" (id ${object.id})` : `id ${object.id}`;
}

function noteRequiredExtensions(model: ParsedModel, notices: EngineNotice[]): void {
  const unknown = model.requiredExtensions.filter((uri) => !GEOMETRY_NEUTRAL_EXTENSIONS.has(uri));
  if (unknown.length > 0) {
    notices.push({
      code: "3mf_extension_ignored",
      severity: "warning",
      message:
        `This .3mf file relies on 3MF extensions we don't read (${unknown.join(", ")}); ` +
        "we measured only its plain triangle meshes, so parts built by those extensions may be missing.",
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Placement

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

function placeBuildItems(
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
