import type { BodyReport, BoundingBox } from "./analyze-model";
import { formatNumber } from "./format-number";
import type { Features } from "./recognize-features";
import { processNameInSentence, type ManufacturingProcess } from "../catalogue/catalogue";
import type { WallLimit } from "./summarize-wall-thickness";
import { additiveWall } from "./additive-wall-rule";
import { modelledThread } from "./modelled-thread-rule";
import type { SheetMetalAnalysis } from "./sheet-metal/recognize-sheet-metal";
import { sheetMetalDfmRules } from "./sheet-metal/sheet-metal-dfm-rules";
import { millingWallRules } from "./milling-wall-rules";

/** Processes with rules: the catalogue's, and sheet metal's two (until the catalogue lists them). */
export type DfmProcess = ManufacturingProcess | "sheet_metal" | "laser_cutting";

/** One manufacturability finding, pointed at the faces the viewer should mark. */
export interface DfmFinding {
  code: string;
  process: DfmProcess;
  /** `error`: the process cannot make the part as drawn; `warning`: it can, at extra cost or risk. */
  severity: "error" | "warning";
  /** Milling's wall limits differ for metals and plastics. */
  materialClass?: "metal" | "plastic";
  message: string;
  measured: number;
  allowed: number;
  unit: "mm" | "mm²" | "ratio" | "count";
  /** B-rep face ids (or mesh regions); empty when the finding concerns the whole part. */
  faces: number[];
}

/** What the rules look at: the measured part and its recognised features. */
export interface DfmInput {
  bbox: BoundingBox;
  bodies: BodyReport[];
  features: Features;
  /** Sheet-metal recognition and the unfolded part (absent when recognition is off). */
  sheetMetal?: SheetMetalAnalysis;
}

export interface DfmRule {
  code: string;
  process: DfmProcess;
  severity: DfmFinding["severity"];
  /** The limit, in the rule's unit; each rule's message states it with the measured value. */
  limit: number;
  materialClass?: DfmFinding["materialClass"];
  check(
    input: DfmInput,
    limit: number,
  ): (Omit<DfmFinding, "code" | "process" | "severity" | "materialClass"> & {
    /** A rule whose finding is an error or a warning by what it measured (additive walls). */
    severity?: DfmFinding["severity"];
  })[];
}

/**
 * Largest machine per process in the supplier network (prisma/seed/demo-suppliers.ts), mm, longest first;
 * for turning the swing diameter twice and the turning length. The pricing data starts from these and can change them.
 */
export const defaultEnvelopesMm: Record<ManufacturingProcess, [number, number, number]> = {
  cnc_milling: [1270, 635, 508], // Haas VF-4
  cnc_turning: [400, 400, 800], // DMG Mori CTX beta 800: ⌀400 × 800
  fdm: [360, 360, 360], // Prusa XL
  sla: [353, 350, 196], // Formlabs Form 4L
  sls: [600, 340, 340], // EOS P 396
  mjf: [380, 380, 284], // HP Jet Fusion 5210
  metal_pbf: [500, 365, 280], // SLM 500
  sheet_metal: [3000, 1500, 400], // 3 m laser sheet, 3 m press brake, flanges up to the brake's open height
  laser_cutting: [3000, 1500, 25], // 3015 fibre laser (3000 × 1500 sheet), 25 mm mild steel at 6 kW+
};
const millingEnvelopeMm = defaultEnvelopesMm.cnc_milling;
const turningEnvelopeMm = {
  diameter: defaultEnvelopesMm.cnc_turning[0],
  length: defaultEnvelopesMm.cnc_turning[2],
};
const buildVolumesMm: Record<"fdm" | "sla" | "sls" | "mjf" | "metal_pbf", number[]> = defaultEnvelopesMm;

const mm = (value: number) => `${formatNumber(value)} mm`;

function sizeOf(bbox: BoundingBox): number[] {
  return [0, 1, 2].map((axis) => bbox.max[axis]! - bbox.min[axis]!).sort((a, b) => b - a);
}

/**
 * Wall limits of the additive processes (decision 0034): below `warningMm` a wall prints weak or rough
 * (a priced warning stating the area); below `hardMinimumMm` the process cannot form it, and a connected
 * region that thin larger than `cannotMakeAreaMm2`, or covering `cannotMakeShare` of the surface, makes
 * the part "cannot make". Regions under `regionMm2` (slivers, tangent contacts) are never the thinnest.
 * Warning limits: published design guides; hard minimums: one FDM extrusion of a 0.4 mm nozzle, the
 * SLS and metal PBF minimum feature sizes, HP's MJF short-wall minimum, and an estimate for SLA. Sources
 * per number in docs/decisions/0034-wall-thickness-as-a-map.md.
 */
const wallRegions = { regionMm2: 1, cannotMakeAreaMm2: 2500, cannotMakeShare: 0.2 };
export const additiveWallLimits: WallLimit[] = [
  { process: "fdm", warningMm: 0.8, hardMinimumMm: 0.4, ...wallRegions },
  { process: "sla", warningMm: 0.5, hardMinimumMm: 0.2, ...wallRegions },
  { process: "sls", warningMm: 0.7, hardMinimumMm: 0.5, ...wallRegions },
  { process: "mjf", warningMm: 0.5, hardMinimumMm: 0.3, ...wallRegions },
  { process: "metal_pbf", warningMm: 0.4, hardMinimumMm: 0.2, ...wallRegions },
];
/** Milling's thinnest wall (`features.minWallMm`) is the thinnest region at least this large, mm². */
export const minWallRegionMm2 = 0.5;

const buildVolume = (process: keyof typeof buildVolumesMm): DfmRule => ({
  code: "larger_than_build_volume",
  process,
  severity: "error",
  limit: buildVolumesMm[process][0]!,
  check: ({ bbox, features }) => {
    const size = sizeOf(bbox);
    const volume = buildVolumesMm[process];
    // Turned any way, tilted too (printing/choose-build-orientation.ts); else square to its axes.
    const fits = features.buildOrientations?.[process]?.fits;
    return (fits !== undefined ? !fits : size.some((value, axis) => value > volume[axis]!))
      ? [
          {
            message: `The part measures ${size.map(formatNumber).join(" × ")} mm; the largest ${processNameInSentence(process)} build volume is ${volume.join(" × ")} mm. Split the part or choose another process.`,
            measured: size[0]!,
            allowed: volume[0]!,
            unit: "mm",
            faces: [],
          },
        ]
      : [];
  },
});

const trappedVoids = (process: "sla" | "sls" | "mjf" | "metal_pbf"): DfmRule => ({
  code: "trapped_void",
  process,
  severity: "warning",
  limit: 0,
  check: ({ bodies }) => {
    const voids = bodies.reduce((sum, body) => sum + body.internalVoids, 0);
    const material = process === "sla" ? "liquid resin" : "unfused powder";
    return voids > 0
      ? [
          {
            message: `${voids} sealed empty space${voids === 1 ? "" : "s"} inside the part would trap ${material}; ${processNameInSentence(process)} allows none. Add two drain holes of at least 3 mm to each, or make it solid.`,
            measured: voids,
            allowed: 0,
            unit: "count",
            faces: [],
          },
        ]
      : [];
  },
});

const sealedVoids = (process: "cnc_milling" | "cnc_turning"): DfmRule => ({
  code: "sealed_void",
  process,
  severity: "error",
  limit: 0,
  check: ({ bodies }) => {
    const voids = bodies.reduce((sum, body) => sum + body.internalVoids, 0);
    return voids > 0
      ? [
          {
            message: `${voids} empty space${voids === 1 ? " is" : "s are"} sealed inside the part, where no cutter can reach; ${processNameInSentence(process)} allows none. Open ${voids === 1 ? "it" : "them"} to the outside, make the part in two pieces, or choose an additive process.`,
            measured: voids,
            allowed: 0,
            unit: "count",
            faces: [],
          },
        ]
      : [];
  },
});

const overhangs = (process: "fdm" | "metal_pbf"): DfmRule => ({
  code: "overhang_needs_support",
  process,
  severity: "warning",
  limit: 45,
  check: ({ features }, allowed) => {
    // The process's own orientation; reports stored before orientations were chosen have FDM's overhang.
    const oriented = features.buildOrientations?.[process];
    const overhang = oriented
      ? { areaMm2: oriented.supportAreaMm2, faces: oriented.overhangFaces, upLabel: oriented.label }
      : features.overhang;
    return overhang.areaMm2 > 1
      ? [
          {
            message: `${formatNumber(overhang.areaMm2)} mm² of the part faces downwards at less than ${allowed}° from horizontal even in its best orientation (${overhang.upLabel.includes("up") ? overhang.upLabel : `${overhang.upLabel} up`}); ${processNameInSentence(process)} needs support structures there, removed afterwards${process === "metal_pbf" ? " by machining or wire EDM" : " by hand, leaving marks"}.`,
            measured: overhang.areaMm2,
            allowed: 0,
            unit: "mm²",
            faces: overhang.faces,
          },
        ]
      : [];
  },
});

/**
 * What each process cannot make, with its limit. Numbers come from common shop practice and the
 * largest machines of the supplier network (prisma/seed/demo-suppliers.ts); every message states the
 * measured and the allowed value.
 */
export const dfmRules: DfmRule[] = [
  {
    code: "internal_corner_too_sharp",
    process: "cnc_milling",
    severity: "warning",
    limit: 0.5, // radius of the smallest standard end mill, ⌀1 mm
    check: ({ features }, allowed) =>
      features.pockets
        .filter((pocket) => pocket.minCornerRadiusMm < allowed)
        .map((pocket) => ({
          message: `A pocket's inside corner has radius ${mm(pocket.minCornerRadiusMm)}; the smallest standard end mill leaves ${mm(allowed)}. Round the corner to at least ${mm(allowed)} (larger is cheaper) or expect EDM at extra cost.`,
          measured: pocket.minCornerRadiusMm,
          allowed,
          unit: "mm" as const,
          faces: pocket.faces,
        })),
  },
  {
    code: "pocket_too_deep",
    process: "cnc_milling",
    severity: "warning",
    limit: 4,
    check: ({ features }, allowed) =>
      features.pockets
        .filter((pocket) => pocket.widthMm > 0 && pocket.depthMm / pocket.widthMm > allowed)
        .map((pocket) => ({
          message: `A pocket is ${mm(pocket.depthMm)} deep and ${mm(pocket.widthMm)} wide (${formatNumber(pocket.depthMm / pocket.widthMm)} × its width); cutters reach ${allowed} × the width before they chatter. Make it shallower or wider.`,
          measured: pocket.depthMm / pocket.widthMm,
          allowed,
          unit: "ratio" as const,
          faces: pocket.faces,
        })),
  },
  {
    code: "hole_too_deep",
    process: "cnc_milling",
    severity: "warning",
    limit: 10,
    check: ({ features }, allowed) =>
      features.holes
        .filter((hole) => hole.diameterMm > 0 && hole.depthMm / hole.diameterMm > allowed)
        .map((hole) => ({
          message: `A ⌀${mm(hole.diameterMm)} hole is ${mm(hole.depthMm)} deep (${formatNumber(hole.depthMm / hole.diameterMm)} × its diameter); standard drills reach ${allowed} × the diameter. Shorten it, widen it or expect gun drilling.`,
          measured: hole.depthMm / hole.diameterMm,
          allowed,
          unit: "ratio" as const,
          faces: hole.faces,
        })),
  },
  ...millingWallRules,
  {
    code: "undercut",
    process: "cnc_milling",
    severity: "warning",
    limit: 0,
    check: ({ features }) =>
      features.undercut
        ? [
            {
              message: `${features.undercutFaces.length} face${features.undercutFaces.length === 1 ? "" : "s"} can be reached by no straight tool from the ${features.setups.length} setup direction${features.setups.length === 1 ? "" : "s"}; ${features.undercutFaces.length === 1 ? "it needs" : "they need"} a T-slot or dovetail cutter, a 5-axis machine or EDM.`,
              measured: features.undercutFaces.length,
              allowed: 0,
              unit: "count" as const,
              faces: features.undercutFaces,
            },
          ]
        : [],
  },
  sealedVoids("cnc_milling"),
  {
    code: "larger_than_work_envelope",
    process: "cnc_milling",
    severity: "error",
    limit: millingEnvelopeMm[0]!,
    check: ({ bbox }) => {
      const size = sizeOf(bbox);
      return size.some((value, axis) => value > millingEnvelopeMm[axis]!)
        ? [
            {
              message: `The part measures ${size.map(formatNumber).join(" × ")} mm; the largest milling machine takes ${millingEnvelopeMm.join(" × ")} mm. Ask for a manual quote.`,
              measured: size[0]!,
              allowed: millingEnvelopeMm[0]!,
              unit: "mm" as const,
              faces: [],
            },
          ]
        : [];
    },
  },
  {
    code: "not_rotational",
    process: "cnc_turning",
    severity: "error",
    limit: 0,
    check: ({ features }) =>
      !features.turnable && features.liveToolingFaces.length === 0
        ? [
            {
              message:
                "The part is not a solid of revolution: no axis carries its main round faces, so a lathe cannot make it. Choose milling or an additive process.",
              measured: 0,
              allowed: 0,
              unit: "count" as const,
              faces: [],
            },
          ]
        : [],
  },
  {
    code: "needs_live_tooling",
    process: "cnc_turning",
    severity: "warning",
    limit: 0,
    check: ({ features }) =>
      features.liveToolingFaces.length > 0
        ? [
            {
              message: `The part turns about one axis, but ${features.liveToolingFaces.length} face${features.liveToolingFaces.length === 1 ? " is" : "s are"} not round about it (flats, cross holes, slots); they need a lathe with live tooling or a second operation on a mill.`,
              measured: features.liveToolingFaces.length,
              allowed: 0,
              unit: "count" as const,
              faces: features.liveToolingFaces,
            },
          ]
        : [],
  },
  ...(["cnc_turning", "cnc_milling"] as const).map(modelledThread),
  {
    code: "larger_than_work_envelope",
    process: "cnc_turning",
    severity: "error",
    limit: turningEnvelopeMm.diameter,
    check: ({ features }) => {
      const [diameter, length] = features.stock.kind === "bar" ? features.stock.sizeMm : [0, 0];
      return diameter! > turningEnvelopeMm.diameter || length! > turningEnvelopeMm.length
        ? [
            {
              message: `The part needs ⌀${mm(diameter!)} × ${mm(length!)} of bar; the largest lathe turns ⌀${mm(turningEnvelopeMm.diameter)} × ${mm(turningEnvelopeMm.length)}. Ask for a manual quote.`,
              measured: diameter!,
              allowed: turningEnvelopeMm.diameter,
              unit: "mm" as const,
              faces: [],
            },
          ]
        : [];
    },
  },
  sealedVoids("cnc_turning"),
  ...additiveWallLimits.map(additiveWall),
  trappedVoids("sla"),
  trappedVoids("sls"),
  trappedVoids("mjf"),
  trappedVoids("metal_pbf"),
  overhangs("fdm"),
  overhangs("metal_pbf"),
  buildVolume("fdm"),
  buildVolume("sla"),
  buildVolume("sls"),
  buildVolume("mjf"),
  buildVolume("metal_pbf"),
  ...sheetMetalDfmRules,
];

/** Runs every rule of the table on the analysed part. */
export function checkManufacturability(input: DfmInput, rules: DfmRule[] = dfmRules): DfmFinding[] {
  return rules.flatMap((rule) =>
    rule.check(input, rule.limit).map((finding) => ({
      code: rule.code,
      process: rule.process,
      ...(rule.materialClass ? { materialClass: rule.materialClass } : {}),
      ...finding,
      severity: finding.severity ?? rule.severity,
      measured: Math.round(finding.measured * 1e4) / 1e4,
    })),
  );
}
