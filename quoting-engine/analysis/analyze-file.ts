import { checkManufacturability, type DfmFinding } from "./dfm-rules";
import { recognizeSheetMetal } from "./sheet-metal/recognize-sheet-metal";
import { describeSeparateParts, type SeparatePart } from "./describe-separate-parts";
import { checkSeparateSheetParts } from "./check-separate-sheet-parts";
import type { SheetMetalResult } from "./sheet-metal/sheet-metal-types";
import type { AnalysisStage } from "./analysis-stage";
import { noFeatures, recognizeFeatures, type Features } from "./recognize-features";
import {
  engineFailure,
  type CadModel,
  type EngineError,
  type EngineNotice,
  type EngineResult,
  type SourceUnit,
} from "../io/cad-model";
import { cadFormatNames, formatFromFileName, type CadFormat } from "../catalogue/catalogue";
import { detectFormat } from "../io/detect-format";
import { readCadModel } from "../io/read-cad-model";
import { analyzeDxfDrawing } from "../io/dxf/analyze-dxf-drawing";
import { segmentMesh } from "./segment-mesh";
import { measureTriangles } from "./measure-triangles";
import { displayMeshEdgeMates } from "./closed-mesh-mates";
import { describeMeshUnit } from "./describe-mesh-unit";
import { formatNumber } from "./format-number";
import type { MeshRepairs } from "./describe-mesh-repairs";
import type { ShellSummary } from "./describe-shells";
import {
  analyzeModel,
  toFaceReport,
  type BodyReport,
  type BoundingBox,
  type DisplayMesh,
  type FaceReport,
} from "./analyze-model";

export const analysisContractVersion = 1;

/** The analyze contract, version 1: what `npm run engine -- analyze FILE` prints and the app stores. */
export interface AnalysisReport {
  ok: true;
  version: typeof analysisContractVersion;
  file: { name: string; format: CadFormat; bytes: number };
  units: "mm";
  /** The unit the file was drawn in ("unknown" for STL and OBJ, read as millimetres). */
  sourceUnit: SourceUnit;
  /** Factor applied to the file's coordinates to get millimetres. */
  scaleToMm: number;
  /** For a file without a unit read as millimetres: the unit its size suggests instead. */
  suggestedUnit?: "inch" | "m";
  bodies: BodyReport[];
  volumeMm3: number;
  areaMm2: number;
  bbox: BoundingBox;
  faces: FaceReport[];
  /** Machining features, access directions, turnability, thinnest wall, stock. */
  features: Features;
  /** About the file itself: repaired defects, assumed units, several bodies. */
  notices: EngineNotice[];
  /** What was repaired in a mesh so it could be measured (absent in reports stored before). */
  repairs?: MeshRepairs;
  /** The closed shells as parts and voids (absent in reports stored before). */
  shells?: ShellSummary;
  /** Sheet metal: thickness, bends and the flat pattern, or why the part is not sheet metal (absent when
   * recognition is off, and in reports stored before it). */
  sheetMetal?: SheetMetalResult;
  /** A file of several separate parts: what each needs made alone, so the file is priced as the set of
   * its parts (decision 0110; absent for one part, when recognition is off, and in reports stored before). */
  separateParts?: SeparatePart[];
  /** What each process cannot make as drawn, or only at extra cost (empty when recognition is off). */
  dfm: (DfmFinding & {
    /** In a file of several parts: the part it concerns, an index into `separateParts` (decision 0116). */
    part?: number;
  })[];
  timingsMs: { parse: number; analyze: number; total: number };
}

export type AnalysisFailure = { ok: false; error: EngineError };

export interface AnalyzeFileOptions {
  /** Refuse larger files with `too_large` (default 100 MB, the upload limit). */
  maxBytes?: number;
  /** Unit to assume for STL and OBJ, which carry none (default millimetres). */
  assumeUnit?: Exclude<SourceUnit, "unknown">;
  /** Recognise machining features and measure walls (default true); off, `features` holds only the stock. */
  recognizeFeatures?: boolean;
  /**
   * Refuse meshes of more triangles with `too_large` (default 5 000 000), counted from the header or
   * while reading, before the mesh is built. The app passes ANALYSIS_MAX_TRIANGLES.
   */
  maxTriangles?: number;
  /** K-factor for unfolding sheet metal (the pricing settings' per material and thickness; default 0.44). */
  sheetMetalKFactor?: number;
  /** Sheet thickness of a DXF drawing of a flat part, chosen by its buyer (default 2 mm). */
  drawingThicknessMm?: number;
  /** Told as each step starts (reading, measuring, finding features, checking rules). */
  onStage?: (stage: AnalysisStage) => void;
  /**
   * Given the report as soon as the exact measurement (volume, area, box) exists, before features and
   * rules: `features` holds only the stock and `dfm` is empty. The app prices from it first.
   */
  onMeasured?: (report: AnalysisReport) => void;
}

/**
 * Reads a CAD file of any supported format (detected from its content) and measures it, in millimetres.
 * Never throws for bad input: returns `{ ok: false, error: { code, message } }` with a message for the
 * buyer. The display mesh (typed arrays, face id per triangle) is for the 3D viewer.
 */
export function analyzeFile(
  bytes: Uint8Array,
  fileName: string,
  options: AnalyzeFileOptions = {},
): { report: AnalysisReport; displayMesh: DisplayMesh } | AnalysisFailure {
  const startedAt = performance.now();
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  if (bytes.length === 0)
    return engineFailure(
      "empty_file",
      "The file is empty (0 bytes). Export the part again and upload that file.",
    );
  if (bytes.length > maxBytes) {
    return engineFailure(
      "too_large",
      `The file is ${megabytes(bytes.length)} MB; the limit is ${megabytes(maxBytes)} MB. Export it with coarser tessellation or ask for a manual quote.`,
    );
  }
  const format = detectFormat(bytes) ?? textFallback(bytes, fileName);
  if (!format && bytes[0] === 0x50 && bytes[1] === 0x4b)
    return engineFailure(
      "unsupported_format",
      `"${fileName}" is a ZIP archive with no 3MF model in it: unpack it and upload the CAD files inside (STEP, IGES, BREP, STL, OBJ, 3MF or DXF).`,
    );
  if (!format) {
    return engineFailure(
      "unsupported_format",
      `We cannot read "${fileName}": its content is not STEP, IGES, BREP, STL, OBJ, 3MF or DXF. Export the part in one of these formats (STEP is best; DXF for flat laser-cut parts).`,
    );
  }
  options.onStage?.("reading");
  // A drawing is a flat pattern at the thickness its buyer chose, not a solid (issue 23).
  if (format === "dxf") {
    const drawing = analyzeDxfDrawing(bytes, fileName, options.drawingThicknessMm);
    if ("report" in drawing) drawing.report.notices.push(...formatNotices(fileName, format));
    return drawing;
  }
  // The model is read only here and by `analyzeModel` (the features stage reads the display mesh): a
  // binary STL's welded mesh may live in working arrays kept for the next file.
  const read: EngineResult<CadModel> = readCadModel(format, bytes, options.assumeUnit, {
    maxTriangles: options.maxTriangles,
    meshInScratch: true,
  });
  const parsedAt = performance.now();
  if (!read.ok) return read;
  const model = read.value;
  options.onStage?.("measuring");
  const recognize = options.recognizeFeatures !== false;
  const analysis = analyzeModel(model, { edgeMates: recognize });
  if (!analysis.ok) return analysis;
  const { displayMesh, ...measured } = analysis.value;
  const beyond = beyondAnyMachine(measured.bbox, model.scaleToMm, measured.volumeMm3, measured.areaMm2);
  if (beyond) return engineFailure("malformed", beyond);
  const unit = unitless(model)
    ? describeMeshUnit(
        model.format,
        measured.bbox.max.map((value, axis) => value - measured.bbox.min[axis]!),
        options.assumeUnit,
      )
    : { notices: [] };
  const notices = [...measured.notices, ...unit.notices, ...formatNotices(fileName, format)];
  const head = {
    ok: true as const,
    version: analysisContractVersion as typeof analysisContractVersion,
    file: { name: fileName, format, bytes: bytes.length },
    units: "mm" as const,
    sourceUnit: model.sourceUnit,
    scaleToMm: model.scaleToMm,
    ...(unit.suggestedUnit ? { suggestedUnit: unit.suggestedUnit } : {}),
  };
  if (options.onMeasured && recognize) {
    const measuredAt = performance.now();
    options.onMeasured({
      ...head,
      ...measured,
      features: skippedFeatures(measured.bbox),
      notices,
      dfm: [],
      timingsMs: {
        parse: round(parsedAt - startedAt),
        analyze: round(measuredAt - parsedAt),
        total: round(measuredAt - startedAt),
      },
    });
  }
  if (recognize) options.onStage?.("finding_features");
  // Mesh formats carry no faces, IGES faces no surface types: planes and cylinders are fitted to
  // regions of the mesh instead (and the mesh's face ids then name those regions).
  const untyped = model.faces.every((face) => face.type === "other");
  const triangles = recognize
    ? measureTriangles(displayMesh.positions, displayMesh.indices, true)
    : undefined;
  const edgeMates = triangles && displayMeshEdgeMates(displayMesh);
  if (triangles && edgeMates) triangles.edgeMates = edgeMates;
  const faces = triangles && untyped ? segmentMesh(displayMesh, triangles) : model.faces;
  if (faces !== model.faces) measured.faces = faces.map(toFaceReport);
  const partBodies = measured.bodies.flatMap((body, index) =>
    body.closed && body.voidOf === undefined ? [index] : [],
  );
  const features = triangles
    ? recognizeFeatures(
        faces,
        displayMesh,
        measured.bbox,
        triangles,
        model.parts.some((part) => part.exact),
        measured.bodies.map((body, index) => body.voidOf ?? index),
        partBodies.length > 1,
        measured.bodies.map((body) => body.closed),
      )
    : skippedFeatures(measured.bbox);
  // Several separate parts: each is described on its own, so the file is priced as the set of them.
  const separate =
    recognize && partBodies.length > 1
      ? describeSeparateParts({
          bodies: measured.bodies,
          partBodies,
          faces,
          mesh: displayMesh,
          ...(features.partSetups ? { partSetups: features.partSetups } : {}),
          exactFaces: faces === model.faces && model.format !== "iges",
          ...(options.sheetMetalKFactor !== undefined ? { kFactor: options.sheetMetalKFactor } : {}),
        })
      : undefined;
  const sheetMetal = separate
    ? { result: separate.sheetMetal }
    : recognize
      ? recognizeSheetMetal(
          {
            faces,
            mesh: displayMesh,
            volumeMm3: measured.volumeMm3,
            areaMm2: measured.areaMm2,
            closedBodies: partBodies.length,
            exactFaces: faces === model.faces && model.format !== "iges",
          },
          options.sheetMetalKFactor,
        )
      : undefined;
  const analyzedAt = performance.now();
  if (recognize) options.onStage?.("checking_rules");
  const dfm = !recognize
    ? []
    : [
        ...checkManufacturability({
          bbox: measured.bbox,
          bodies: measured.bodies,
          features,
          ...(sheetMetal ? { sheetMetal } : {}),
        }),
        // Each sheet part of a file of several, by the rules a single sheet part gets (decision 0116).
        ...(separate
          ? checkSeparateSheetParts(separate.sheetParts, measured.bodies, partBodies, features)
          : []),
      ];
  return {
    report: {
      ...head,
      ...measured,
      features,
      ...(sheetMetal ? { sheetMetal: sheetMetal.result } : {}),
      ...(separate ? { separateParts: separate.parts } : {}),
      notices,
      dfm,
      timingsMs: {
        parse: round(parsedAt - startedAt),
        analyze: round(analyzedAt - parsedAt),
        total: round(analyzedAt - startedAt),
      },
    },
    displayMesh,
  };
}

/**
 * Why a measured part cannot be a part at all, or undefined: its box over 100 m on a side both in
 * millimetres and in the numbers as drawn (so a unit chosen by mistake, metres for a part drawn in
 * millimetres, still leaves the part to be switched back), which no machine of any process comes near
 * (coordinates like 1e40 overflow the measures and once stopped the analysis with a TypeError), or a
 * volume or area that is not a finite number.
 */
function beyondAnyMachine(
  bbox: BoundingBox,
  scaleToMm: number,
  volumeMm3: number,
  areaMm2: number,
): string | undefined {
  const largestMm = Math.max(...bbox.max.map((value, axis) => value - bbox.min[axis]!));
  if (!(largestMm <= maxPartExtentMm || largestMm / scaleToMm <= maxPartExtentMm))
    return `The part measures ${largestMm.toExponential(1)} mm across; nothing over ${formatNumber(maxPartExtentMm / 1000)} m can be made here, in any unit. The file's coordinates are damaged or in a unit far from millimetres: export it again in millimetres.`;
  if (!Number.isFinite(volumeMm3) || !Number.isFinite(areaMm2))
    return "The part's volume or area cannot be measured: its coordinates are damaged. Export the part again.";
  return undefined;
}

/** The largest box edge a part may have (100 m): far beyond every machine, so only damaged coordinates reach it. */
const maxPartExtentMm = 100_000;

/** OBJ files may open with kilobytes of material lines; trust the name when the content is plain text. */
function textFallback(bytes: Uint8Array, fileName: string): CadFormat | undefined {
  const byName = formatFromFileName(fileName);
  if (byName !== "obj") return undefined;
  return bytes.subarray(0, 4096).every((byte) => byte >= 9) ? "obj" : undefined;
}

/**
 * Says which format the content was read as when the name says otherwise or nothing: "Read as STEP
 * (the name had no extension)". Empty when the name's extension is the content's format.
 */
function formatNotices(fileName: string, format: CadFormat): EngineNotice[] {
  const named = formatFromFileName(fileName);
  if (named === format) return [];
  const extension = /\.([^./\\\s]+)$/.exec(fileName)?.[1];
  return [
    {
      code: "format_from_content",
      severity: "info",
      message: `Read as ${cadFormatNames[format]} (${
        !extension
          ? "the name had no extension"
          : named
            ? `the name ends in .${extension}, but the content is ${cadFormatNames[format]}`
            : `.${extension} is no CAD extension; the content is ${cadFormatNames[format]}`
      }).`,
    },
  ];
}

/** STL and OBJ carry no unit: read as millimetres, or in the unit the caller assumed for them. */
function unitless(model: CadModel): boolean {
  return model.sourceUnit === "unknown" || model.format === "stl" || model.format === "obj";
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function skippedFeatures(bbox: BoundingBox): Features {
  return {
    ...noFeatures(),
    setups: [],
    undercut: false,
    undercutFaces: [],
    turnable: false,
    liveToolingFaces: [],
    minWallFaces: [],
    overhang: { areaMm2: 0, faces: [], upLabel: "+Z" },
    stock: { kind: "block", sizeMm: bbox.max.map((value, axis) => value - bbox.min[axis]!) },
  };
}
