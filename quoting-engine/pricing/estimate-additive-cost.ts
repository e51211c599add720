import type { ManufacturingProcess } from "../catalogue/catalogue";
import type { CostEstimate, CostInput, CostLine } from "./cost-estimate";
import { formatNumber as format } from "../analysis/format-number";
import { centsForMaterial, centsForMinutes } from "./cost-estimate";
import { estimatePlateBuild } from "../printing/estimate-plate-build";
import { estimatePowderBedBuild } from "../printing/estimate-powder-bed-build";
import { orientedBuild } from "../printing/oriented-build";
import { estimateFdmPrint } from "../printing/estimate-fdm-print";
import { fdmMachineFrom } from "../printing/fdm-machine-classes";

export type AdditiveProcess = Exclude<
  ManufacturingProcess,
  "cnc_milling" | "cnc_turning" | "sheet_metal" | "laser_cutting"
>;

/**
 * Additive processes, in the build-time form of Gibson, Rosen & Stucker (Additive Manufacturing
 * Technologies, ch. 16): build time = time to deposit or fuse the volume + time per layer, the layer
 * time shared by every part in the build; cost = build time × machine rate + material + hand work
 * (Hopkinson & Dickens 2003, Ruffo, Tuck & Hague 2006):
 * - FDM: time and filament from the part's layer profile in its build orientation, the way a slicer
 *   plans the print (printing/estimate-fdm-print.ts, calibrated against PrusaSlicer 2.5); reports
 *   stored before the profile existed: shells, the infill share of the core and sparse supports under
 *   overhangs, at the material's deposition rate;
 * - SLA and metal PBF (printing/estimate-plate-build.ts): part and supports at the resin's or alloy's
 *   rate, plus the layers of the part's height shared with the parts beside it on the plate; metal PBF
 *   adds support removal by hand, and stress relief and cut-off per build (Rickenbacher et al. 2013);
 *   a build shared with other orders (`buildSetupMinutes`, decision 0117) charges each part its plate
 *   share of the build's preparation, stress relief and cut-off, and the order its own preparation;
 * - SLS and MJF (printing/estimate-powder-bed-build.ts): the part fused at the powder's rate, plus the
 *   chamber height its box takes in a packed bed, and scrapped powder from its packed share.
 * Height, footprint and supported area are the process's own build orientation
 * (printing/choose-build-orientation.ts), stated in the machine line.
 * The order's setup (build preparation) is spread over the quantity.
 */
export function estimateAdditiveCost(input: CostInput, kind: AdditiveProcess): CostEstimate {
  const { report, material, process, data, tolerance, quantity } = input;
  const parameters = process.parameters;
  const partMm3 = report.volumeMm3;
  // As the process builds it (printing/choose-build-orientation.ts): height, footprint, supported area.
  const build = orientedBuild(report, kind);
  const overhangMm2 = build.supportAreaMm2;
  const buildRateMm3PerHour = (material.buildRateCm3PerHour ?? 10) * 1000;
  const supportMm3 = overhangMm2 * (parameters.supportMm3PerMm2 ?? 0);
  const waste = parameters.materialWasteShare ?? 0;

  let depositedMm3 = partMm3;
  let materialMm3 = partMm3 * (1 + waste);
  let buildMinutes: number;
  let layers = build.heightMm / (parameters.layerHeightMm ?? 0.1);
  // The part's share of a build it shares with other orders' parts (plate processes only).
  let plateShare: number | undefined;
  // FDM from the layer-by-layer model when the analysis has the part's layer profile.
  const profile = kind === "fdm" ? report.features.fdmLayers : undefined;
  const machine = fdmMachineFrom(parameters);
  const print = profile ? estimateFdmPrint(profile, machine) : undefined;
  if (print) {
    depositedMm3 = print.filamentMm3;
    materialMm3 = depositedMm3 * (1 + waste);
    // Calibrated with PLA; a filament with a lower deposition rate (PETG, ABS print slower and cooler)
    // takes longer in proportion.
    buildMinutes =
      (print.minutes * machine.calibratedBuildRateCm3PerHour) /
      (material.buildRateCm3PerHour ?? machine.calibratedBuildRateCm3PerHour);
    layers = print.layers;
  } else if (kind === "fdm") {
    const shellMm3 = Math.min(partMm3, report.areaMm2 * (parameters.shellThicknessMm ?? 0.8));
    const infillMm3 = (partMm3 - shellMm3) * (parameters.infillShare ?? 0.2);
    depositedMm3 = shellMm3 + infillMm3 + supportMm3;
    materialMm3 = depositedMm3 * (1 + waste);
    buildMinutes =
      (depositedMm3 / buildRateMm3PerHour) * 60 +
      estimatePlateBuild(build, 0, buildRateMm3PerHour, parameters).layerMinutes;
  } else if (kind === "sla" || kind === "metal_pbf") {
    depositedMm3 = partMm3 + supportMm3;
    materialMm3 = depositedMm3 * (1 + waste);
    const plate = estimatePlateBuild(build, depositedMm3, buildRateMm3PerHour, parameters);
    buildMinutes = plate.minutes;
    plateShare = plate.plateShare;
  } else {
    // Powder beds: the unfused powder in the part's packed share is partly scrapped at each refresh.
    const packedMm3 = build.boxVolumeMm3 / (parameters.packingDensity ?? 0.1);
    materialMm3 = partMm3 + waste * Math.max(0, packedMm3 - partMm3);
    const bed = estimatePowderBedBuild(build, partMm3, buildRateMm3PerHour, parameters);
    buildMinutes = bed.minutes;
    layers = bed.layers;
  }
  const machineMinutes = buildMinutes * tolerance.additiveFactor;
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
        ? `Printing ${format(depositedMm3 / 1000)} cm³ in ${print.layers} layers (${machine.perimeters} perimeters, ${Math.round(machine.infillDensity * 100)} % infill${print.supportMm3 > 0 ? `, ${format(print.supportMm3 / 1000)} cm³ supports` : ""}), ${build.label}`
        : kind === "fdm"
          ? `Printing ${format(depositedMm3 / 1000)} cm³ (shells, ${Math.round((parameters.infillShare ?? 0.2) * 100)} % infill, supports)`
          : `Building ${format(depositedMm3 / 1000)} cm³ and ${Math.round(layers)} ${kind === "sls" || kind === "mjf" ? "nested " : ""}layers, ${build.label}`,
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
  // A build shared with other orders (metal PBF, decision 0117): each part pays its plate share of the
  // build's preparation and of its stress relief and cut-off, the order its own preparation.
  const shared = parameters.buildSetupMinutes !== undefined && plateShare !== undefined;
  const sharePercent = `${format((plateShare ?? 1) * 100)} % of the plate's`;
  const buildSetupMinutes = shared ? parameters.buildSetupMinutes! * plateShare! : 0;
  if (buildSetupMinutes > 0)
    lines.push({
      kind: "setup",
      label: `Share of the build's plate, powder and inerting (${sharePercent} ${format(parameters.buildSetupMinutes!)} min)`,
      minutesPerPart: buildSetupMinutes,
      centsPerPart: centsForMinutes(buildSetupMinutes, rate),
    });
  const buildPostMinutes = parameters.postMinutesPerBuild ?? 0;
  if (buildPostMinutes > 0)
    lines.push({
      kind: "labour",
      label: shared
        ? `Share of stress relief and cut-off from the plate (${sharePercent} ${format(buildPostMinutes)} min)`
        : `Stress relief and cut-off from the plate (${format(buildPostMinutes)} min per build)`,
      centsPerPart: shared
        ? centsForMinutes(buildPostMinutes * plateShare!, labour)
        : centsForMinutes(buildPostMinutes, labour) / quantity,
    });
  lines.push({
    kind: "setup",
    label: shared
      ? `Preparing the order for a shared build: orientation, supports, nesting (${format(process.setupMinutes)} min per order)`
      : `Build preparation (${format(process.setupMinutes)} min per order)`,
    centsPerPart: centsForMinutes(process.setupMinutes, rate) / quantity,
  });
  return {
    lines,
    orderMachineHours: ((machineMinutes + buildSetupMinutes) * quantity + process.setupMinutes) / 60,
  };
}

const postLabel: Record<AdditiveProcess, string> = {
  fdm: "Finishing by hand",
  sla: "Washing and UV curing",
  sls: "Depowdering and bead blasting",
  mjf: "Depowdering and bead blasting",
  metal_pbf: "Bead blasting and inspection",
};
