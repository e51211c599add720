import {
  engineFailure,
  millimetresPerUnit,
  type CadModel,
  type EngineNotice,
  type EngineResult,
} from "./cad-model";
import { findEntry, partKey, readPackageParts } from "./3mf/package-parts";
import { parseModelPart, type ParsedModel } from "./3mf/parse-model-part";
import { attribute, CORE_NS, parseXmlPart, PRODUCTION_NS } from "./3mf/parse-xml-part";
import { placeBuildItems } from "./3mf/place-build-items";
import { malformed, ReadFailure, type Budget } from "./3mf/read-failure";
import type { ZipEntry } from "./zip/read-zip-directory";

const MATERIAL_NS = "http://schemas.microsoft.com/3dmanufacturing/material/2015/02";
const MODEL_RELATIONSHIP_TYPE = "http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel";
const FALLBACK_MODEL_PART = "3D/3dmodel.model";
const PACKAGE_RELATIONSHIPS_PART = "_rels/.rels";

const DEFAULT_MAX_UNCOMPRESSED_BYTES = 1024 ** 3;

/** Extensions whose required use changes nothing about the geometry we read. */
const GEOMETRY_NEUTRAL_EXTENSIONS = new Set([CORE_NS, PRODUCTION_NS, MATERIAL_NS]);

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

function readPackage(bytes: Uint8Array, budget: Budget): CadModel {
  const entries = readPackageParts(bytes, budget);
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
      parseXmlPart(bytes, relationships, budget, {
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
