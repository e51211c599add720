import { z } from "zod";
import { analysisContractVersion, type AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { cadFormats, manufacturingProcesses } from "../../quoting-engine/catalogue/catalogue";
import { printingProcesses, type PrintingProcess } from "../../quoting-engine/printing/printing-envelopes";
import { separatePartsSchema, sheetMetalAnalysisSchema } from "./sheet-metal-analysis-schema";

const vector3 = z.tuple([z.number(), z.number(), z.number()]);
const boundingBox = z.object({ min: vector3, max: vector3 });
const faceIds = z.array(z.number().int());
const perLayer = z.array(z.number());
/** quoting-engine/printing/measure-fdm-layers.ts; absent from analyses stored before it existed. */
const fdmLayerProfileSchema = z.object({
  layerHeightMm: z.number().positive(),
  areaMm2: perLayer,
  perimeterMm: perLayer,
  smallLoopMm: perLayer,
  smallPerimeterPathMm: perLayer.optional(),
  smallIslandMm2: perLayer.optional(),
  smallIslandPerimeterMm: perLayer.optional(),
  islandCount: perLayer,
  loopCount: perLayer,
  cornerCount: perLayer,
  upMm2: perLayer,
  downMm2: perLayer,
  solidSkinMm2: perLayer.optional(),
  supportMm2: perLayer,
  supportInterfaceMm2: perLayer,
  supportOutlineMm: perLayer.optional(),
  supportLayerHeightMm: perLayer.optional(),
  extentMm: perLayer,
  firstLayerHullMm: z.number(),
});
/** quoting-engine/printing/choose-build-orientation.ts; absent from reports stored before it. */
const buildOrientation = z.object({
  up: vector3,
  rotation: z.tuple([
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
  ]),
  label: z.string(),
  heightMm: z.number(),
  footprintMm: z.tuple([z.number(), z.number()]),
  supportAreaMm2: z.number(),
  supportVolumeMm3: z.number(),
  overhangFaces: faceIds,
  overhangTriangles: z.number(),
  fits: z.boolean(),
});
const prismatic = z.object({
  widthMm: z.number(),
  lengthMm: z.number(),
  depthMm: z.number(),
  through: z.boolean(),
  axis: vector3,
  faces: faceIds,
});

/**
 * The analysis report as stored on a Part (the engine's analyze contract, quoting-engine/README.md),
 * checked field by field when it is read back: the version must be the engine's current one, so a report
 * written by an older engine is re-analysed (lib/parts/read-stored-analysis.ts) instead of misread.
 */
export const storedAnalysisSchema: z.ZodType<AnalysisReport> = z.object({
  ok: z.literal(true),
  version: z.literal(analysisContractVersion),
  file: z.object({ name: z.string(), format: z.enum(cadFormats), bytes: z.number() }),
  units: z.literal("mm"),
  sourceUnit: z.enum(["mm", "cm", "m", "micron", "inch", "ft", "unknown"]),
  scaleToMm: z.number(),
  suggestedUnit: z.enum(["inch", "m"]).optional(),
  bodies: z.array(
    z.object({
      volumeMm3: z.number(),
      areaMm2: z.number(),
      bbox: boundingBox,
      closed: z.boolean(),
      triangleCount: z.number(),
      triangleShare: z.number(),
      internalVoids: z.number(),
      voidOf: z.number().optional(),
    }),
  ),
  volumeMm3: z.number(),
  areaMm2: z.number(),
  bbox: boundingBox,
  faces: z.array(
    z.object({
      id: z.number().int(),
      type: z.enum(["plane", "cylinder", "cone", "sphere", "torus", "other"]),
      radiusMm: z.number().optional(),
      axis: vector3.optional(),
      halfAngleDeg: z.number().optional(),
      minorRadiusMm: z.number().optional(),
      areaMm2: z.number(),
    }),
  ),
  features: z.object({
    holes: z.array(
      z.object({
        diameterMm: z.number(),
        depthMm: z.number(),
        through: z.boolean(),
        axis: vector3,
        kind: z.enum(["plain", "counterbore", "countersink"]),
        faces: faceIds,
      }),
    ),
    pockets: z.array(
      z.object({
        depthMm: z.number(),
        lengthMm: z.number(),
        widthMm: z.number(),
        minCornerRadiusMm: z.number(),
        open: z.boolean(),
        axis: vector3,
        faces: faceIds,
      }),
    ),
    slots: z.array(prismatic),
    steps: z.array(prismatic),
    passages: z.array(
      z.object({
        lengthMm: z.number(),
        widthMm: z.number(),
        heightMm: z.number(),
        axis: vector3,
        faces: faceIds,
      }),
    ),
    fillets: z.array(z.object({ radiusMm: z.number(), convex: z.boolean(), faces: faceIds })),
    chamfers: z.array(z.object({ sizeMm: z.number(), angleDeg: z.number(), faces: faceIds })),
    faceFamilies: z.array(
      z.enum(["stock", "hole", "pocket", "slot", "step", "passage", "chamfer", "fillet", "other"]),
    ),
    setups: z.array(vector3),
    partSetups: z.array(z.number().int().nonnegative()).optional(),
    undercut: z.boolean(),
    undercutFaces: faceIds,
    turnable: z.boolean(),
    liveToolingFaces: faceIds,
    turningAxis: vector3.optional(),
    maxDiameterMm: z.number().optional(),
    thread: z.object({ majorDiameterMm: z.number(), minorDiameterMm: z.number(), faces: faceIds }).optional(),
    minWallMm: z.number().optional(),
    minWallFaces: faceIds,
    wallThickness: z
      .object({
        surfaceMm2: z.number(),
        measuredShare: z.number(),
        sampledTriangles: z.number(),
        histogram: z.array(
          z.object({ fromMm: z.number(), toMm: z.number().nullable(), areaMm2: z.number() }),
        ),
        processes: z.array(
          z.object({
            process: z.enum(manufacturingProcesses),
            warningMm: z.number(),
            hardMinimumMm: z.number(),
            areaBelowMm2: z.number(),
            shareBelow: z.number(),
            areaBelowHardMm2: z.number(),
            largestRegionBelowHardMm2: z.number(),
            thinnestRegion: z.object({ thicknessMm: z.number(), areaMm2: z.number() }).optional(),
            faces: faceIds,
            hardFaces: faceIds,
          }),
        ),
      })
      .optional(),
    overhang: z.object({ areaMm2: z.number(), faces: faceIds, upLabel: z.string() }),
    fdmLayers: fdmLayerProfileSchema.optional(),
    buildOrientations: z
      .object(
        Object.fromEntries(printingProcesses.map((process) => [process, buildOrientation])) as {
          [process in PrintingProcess]: typeof buildOrientation;
        },
      )
      .optional(),
    stock: z.object({ kind: z.enum(["block", "bar"]), sizeMm: z.array(z.number()) }),
  }),
  notices: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(["error", "warning", "info"]),
      message: z.string(),
      faces: faceIds.optional(),
    }),
  ),
  // Issue 20 (meshfix): optional, so reports stored before them still parse.
  repairs: z
    .object({
      degenerateTriangles: z.number(),
      duplicateTriangles: z.number(),
      opposingTrianglePairs: z.number(),
      holesClosed: z.number(),
      holeAreaMm2: z.number(),
      trianglesTurned: z.number(),
      bodiesTurnedOutwards: z.number(),
      // Added after the first repairs summaries: absent in those.
      flatShells: z.number().default(0),
      openPiecesWithinSolids: z.number().default(0),
      tJunctionEdgesSplit: z.number().default(0),
    })
    .optional(),
  shells: z
    .object({
      parts: z.number(),
      identicalParts: z.boolean(),
      voids: z.number(),
      openSurfaces: z.number(),
    })
    .optional(),
  sheetMetal: sheetMetalAnalysisSchema.optional(),
  separateParts: separatePartsSchema.optional(),
  dfm: z.array(
    z.object({
      code: z.string(),
      // Sheet metal's two processes until the catalogue lists them (a value listed twice is one).
      process: z.enum([...new Set([...manufacturingProcesses, "sheet_metal", "laser_cutting"] as const)]),
      severity: z.enum(["error", "warning"]),
      materialClass: z.enum(["metal", "plastic"]).optional(),
      message: z.string(),
      measured: z.number(),
      allowed: z.number(),
      unit: z.enum(["mm", "mm²", "ratio", "count"]),
      faces: faceIds,
      part: z.number().int().nonnegative().optional(),
    }),
  ),
  timingsMs: z.object({ parse: z.number(), analyze: z.number(), total: z.number() }),
});
