import type { ManufacturingProcess } from "../catalogue/catalogue";
import type { CostEstimate, CostInput, CostLine } from "./cost-estimate";
import { formatNumber as format } from "../analysis/format-number";
import { centsForMaterial, centsForMinutes, sizeOf } from "./cost-estimate";
import { estimateFdmPrint } from "../printing/estimate-fdm-print";
import { fdmMachineFrom } from "../printing/fdm-machine-classes";

export type AdditiveProcess = Exclude<ManufacturingProcess, "cnc_milling" | "cnc_turning">;

/**
 * Additive processes, in the build-time form of Gibson, Rosen & Stucker (Additive Manufacturing
 * Technologies, ch. 16): build time = time to deposit or fuse the volume + time per layer, the layer
 * time shared by every part in the build; cost = build time × machine rate + material + hand work
 * (Hopkinson & Dickens 2003, Ruffo, Tuck & Hague 2006):
 * - FDM: time and filament from the part's layer profile the way a slicer plans the print
 *   (quoting-engine/printing/estimate-fdm-print.ts, calibrated against PrusaSlicer 2.5); analyses stored
 *   before the profile existed: shells, the infill share of the core and sparse supports under
 *   overhangs, at the material's deposition rate;
 * - SLA: the part and its supports cured at the resin's rate, plus the layers of the part's height
 *   shared with the other parts on the platform;
 * - SLS and MJF: the part fused at the powder's rate, plus the layers of a full chamber shared by
 *   bounding-box volume (a packed bed), and scrapped powder from the part's packed share;
 * - metal PBF: part and supports at the alloy's melt rate, the layers of its height shared on the plate,
 *   support removal by hand, and stress relief and cut-off per build (Rickenbacher et al. 2013).
 * The order's setup (build preparation) is spread over the quantity.
 */
export function estimateAdditiveCost(input: CostInput, kind: AdditiveProcess): CostEstimate {
  const { report, material, process, data, tolerance, quantity } = input;
  const parameters = process.parameters;
  const partMm3 = report.volumeMm3;
  const overhangMm2 = report.features.overhang.areaMm2;
  const { heightMm, footprintMm2 } = buildOrientation(report, kind);
  const buildRateMm3PerHour = (material.buildRateCm3PerHour ?? 10) * 1000;
  const supportMm3 = overhangMm2 * (parameters.supportMm3PerMm2 ?? 0);
  const waste = parameters.materialWasteShare ?? 0;

  let depositedMm3 = partMm3;
  let materialMm3 = partMm3 * (1 + waste);
  // FDM from the layer-by-layer model when the analysis has the part's layer profile.
  const layers = kind === "fdm" ? report.features.fdmLayers : undefined;
  const machine = fdmMachineFrom(parameters);
  const print = layers ? estimateFdmPrint(layers, machine) : undefined;
  if (print) {
    depositedMm3 = print.filamentMm3;
    materialMm3 = depositedMm3 * (1 + waste);
  } else if (kind === "fdm") {
    const shellMm3 = Math.min(partMm3, report.areaMm2 * (parameters.shellThicknessMm ?? 0.8));
    const infillMm3 = (partMm3 - shellMm3) * (parameters.infillShare ?? 0.2);
    depositedMm3 = shellMm3 + infillMm3 + supportMm3;
    materialMm3 = depositedMm3 * (1 + waste);
  } else if (kind === "sla" || kind === "metal_pbf") {
    depositedMm3 = partMm3 + supportMm3;
    materialMm3 = depositedMm3 * (1 + waste);
  } else {
    // Powder beds: the unfused powder in the part's packed share is partly scrapped at each refresh.
    const packedMm3 = boxVolume(report) / (parameters.packingDensity ?? 0.1);
    materialMm3 = partMm3 + waste * Math.max(0, packedMm3 - partMm3);
  }
  const depositHours = depositedMm3 / buildRateMm3PerHour;
  const layerHours = sharedLayerHours(kind, heightMm, footprintMm2, report, parameters);
  // The print model is calibrated with PLA; a filament with a lower deposition rate (PETG, ABS print
  // slower and cooler) takes longer in proportion.
  const printMinutes = print
    ? (print.minutes * machine.calibratedBuildRateCm3PerHour) /
      (material.buildRateCm3PerHour ?? machine.calibratedBuildRateCm3PerHour)
    : 0;
  const machineMinutes = (print ? printMinutes : (depositHours + layerHours) * 60) * tolerance.additiveFactor;
  const rate = process.hourlyRateCents;
  const labour = data.labourRateCentsPerHour;

  const lines: CostLine[] = [
    {
      kind: "material",
      label: `${material.name}, ${format(materialMm3 / 1000)} cm³${kind === "fdm" ? " extruded" : ""}`,
      centsPerPart: centsForMaterial(materialMm3 / 1000, material),
    },
    {
      kind: "machine",
      label: print
        ? `Printing ${format(depositedMm3 / 1000)} cm³ in ${print.layers} layers (${machine.perimeters} perimeters, ${Math.round(machine.infillDensity * 100)} % infill${print.supportMm3 > 0 ? `, ${format(print.supportMm3 / 1000)} cm³ supports` : ""})`
        : kind === "fdm"
          ? `Printing ${format(depositedMm3 / 1000)} cm³ (shells, ${Math.round((parameters.infillShare ?? 0.2) * 100)} % infill, supports)`
          : `Building ${format(depositedMm3 / 1000)} cm³ and ${Math.round(heightMm / (parameters.layerHeightMm ?? 0.1))} layers`,
      minutesPerPart: machineMinutes,
      centsPerPart: centsForMinutes(machineMinutes, rate),
    },
  ];
  const supportMinutes = (overhangMm2 / 100) * (parameters.supportRemovalMinutesPerCm2 ?? 0);
  if (supportMinutes > 0)
    lines.push({
      kind: "labour",
      label: `Removing supports from ${format(overhangMm2 / 100)} cm²`,
      minutesPerPart: supportMinutes,
      centsPerPart: centsForMinutes(supportMinutes, labour),
    });
  const postMinutes = parameters.postMinutesPerPart ?? 0;
  if (postMinutes > 0)
    lines.push({
      kind: "labour",
      label: postLabel[kind],
      minutesPerPart: postMinutes,
      centsPerPart: centsForMinutes(postMinutes, labour),
    });
  const buildPostMinutes = parameters.postMinutesPerBuild ?? 0;
  if (buildPostMinutes > 0)
    lines.push({
      kind: "labour",
      label: `Stress relief and cut-off from the plate (${format(buildPostMinutes)} min per build)`,
      centsPerPart: centsForMinutes(buildPostMinutes, labour) / quantity,
    });
  lines.push({
    kind: "setup",
    label: `Build preparation (${format(process.setupMinutes)} min per order)`,
    centsPerPart: centsForMinutes(process.setupMinutes, rate) / quantity,
  });
  return { lines, orderMachineHours: (machineMinutes * quantity + process.setupMinutes) / 60 };
}

const postLabel: Record<AdditiveProcess, string> = {
  fdm: "Finishing by hand",
  sla: "Washing and UV curing",
  sls: "Depowdering and bead blasting",
  mjf: "Depowdering and bead blasting",
  metal_pbf: "Bead blasting and inspection",
};

/**
 * Printed as the overhang analysis found best (least support) for processes with supports; powder beds
 * need none, so the part lies flattest (lowest height) for them.
 */
function buildOrientation(
  report: CostInput["report"],
  kind: AdditiveProcess,
): { heightMm: number; footprintMm2: number } {
  const size = sizeOf(report);
  const upAxis =
    kind === "sls" || kind === "mjf"
      ? size.indexOf(Math.min(...size))
      : Math.max(0, "XYZ".indexOf(report.features.overhang.upLabel.slice(1)));
  const heightMm = size[upAxis]!;
  return { heightMm, footprintMm2: (size[0]! * size[1]! * size[2]!) / Math.max(heightMm, 1e-9) };
}

/** Hours of layer changes charged to one part: its share of the build's layers. */
function sharedLayerHours(
  kind: AdditiveProcess,
  heightMm: number,
  footprintMm2: number,
  report: CostInput["report"],
  parameters: CostInput["process"]["parameters"],
): number {
  const secondsPerLayer = parameters.secondsPerLayer ?? 0;
  const layerHeight = parameters.layerHeightMm ?? 0.1;
  const [x, y, z] = parameters.buildVolumeMm ?? [300, 300, 300];
  const packing = parameters.packingDensity ?? 0.5;
  if (secondsPerLayer === 0) return 0;
  if (kind === "sls" || kind === "mjf") {
    // A full chamber's layers, shared by the bounding-box volume the part takes in the packed bed.
    const share = boxVolume(report) / (x * y * z * packing);
    return ((z / layerHeight) * secondsPerLayer * share) / 3600;
  }
  // The part's own layers, shared with the parts beside it on the plate.
  const share = Math.min(1, footprintMm2 / (x * y * packing));
  return ((heightMm / layerHeight) * secondsPerLayer * share) / 3600;
}

function boxVolume(report: CostInput["report"]): number {
  const [x, y, z] = sizeOf(report);
  return x * y * z;
}
