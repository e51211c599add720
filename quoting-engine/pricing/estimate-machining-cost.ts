import type { CostEstimate, CostInput, CostLine } from "./cost-estimate";
import { formatNumber as format } from "../analysis/format-number";
import { centsForMaterial, centsForMinutes, sizeOf } from "./cost-estimate";
import { inspectedShare } from "./inspected-share";
import { learningCurveAverage } from "./learning-curve";

/**
 * Milling and turning, as machining cost models do (Ostwald & McLaren, Cost Analysis and Estimating,
 * ch. 7: lot time = setup + quantity × cycle time; cost = lot time × rate):
 * - material: the stock (box plus allowance rounded up to stocked sizes, or bar diameter × length);
 * - cycle: roughing the removed volume at the material's removal rate, finishing the machined area
 *   (turning: at cutting speed × feed), drilling each hole, live-tooling faces (turning), loading per
 *   setup or, for a turned batch where it is cheaper, a bar feeder with sub-spindle; times the tolerance
 *   factor;
 *   less a learning curve over the batch, floored at 70 % (a cycle is bound by feeds and speeds);
 * - per order: one setup per access direction and CAM programming, spread over the quantity;
 * - inspection of every part of a small lot, ISO 2859-1's sample of a larger one, and a first article
 *   per order, at the labour rate.
 */
export function estimateMachiningCost(input: CostInput, kind: "cnc_milling" | "cnc_turning"): CostEstimate {
  const { report, material, process, data, tolerance, quantity } = input;
  const parameters = process.parameters;
  const machinability = material.machinabilityIndex ?? 1;
  const allowance = parameters.stockAllowanceMm ?? 2;
  const features = report.features;
  let stockCm3: number;
  let stockLabel: string;
  if (kind === "cnc_turning") {
    const diameter = roundUpToStockSize(
      (features.maxDiameterMm ?? Math.max(...sizeOf(report))) + 2 * allowance,
      barDiametersMm,
    );
    const length = Math.ceil(((features.stock.sizeMm[1] ?? 0) + 2 * allowance + partingWidthMm) / 5) * 5;
    stockCm3 = (Math.PI * (diameter / 2) ** 2 * length) / 1000;
    stockLabel = `bar ⌀${diameter} × ${length} mm`;
  } else {
    // A file of several parts: each from its own block (decision 0110).
    const blocks = milledPartsOf(report).map((part) =>
      part.sizeMm.map((size) => roundUpToStockSize(size + 2 * allowance, plateSizesMm)),
    );
    stockCm3 = blocks.reduce((sum, sizes) => sum + (sizes[0]! * sizes[1]! * sizes[2]!) / 1000, 0);
    const largest = blocks.reduce((best, sizes) =>
      sizes[0]! * sizes[1]! * sizes[2]! > best[0]! * best[1]! * best[2]! ? sizes : best,
    );
    stockLabel =
      blocks.length === 1
        ? `block ${largest.join(" × ")} mm`
        : `${blocks.length} blocks, the largest ${largest.join(" × ")} mm`;
  }
  const partCm3 = report.volumeMm3 / 1000;
  const removedCm3 = Math.max(0, stockCm3 - partCm3);
  const rate = process.hourlyRateCents;
  const roughingMinutes = removedCm3 / ((parameters.roughingCm3PerMinute ?? 40) * machinability);
  const finishingMinutes = report.areaMm2 / 100 / (finishingCm2PerMinuteOf(parameters) * machinability);
  const holeMinutes = features.holes.reduce(
    (sum, hole) =>
      sum +
      hole.depthMm / ((parameters.drillingMmPerMinute ?? 300) * machinability) +
      (parameters.minutesPerHole ?? 0.3),
    0,
  );
  // A cross hole is drilled above (with a live drill); the other off-axis faces are milled with a live
  // tool: C-axis index and tool change per face, plus its area at the live spindle's rate.
  const drilledFaces = new Set(features.holes.flatMap((hole) => hole.faces));
  const liveMilledFaces =
    kind === "cnc_turning" ? features.liveToolingFaces.filter((face) => !drilledFaces.has(face)) : [];
  const liveToolingMinutes = liveMilledFaces.reduce((sum, face) => {
    const areaCm2 = (report.faces.find((candidate) => candidate.id === face)?.areaMm2 ?? 0) / 100;
    const areaRate = parameters.liveToolingCm2PerMinute;
    return (
      sum +
      (parameters.minutesPerLiveToolingFace ?? 3) +
      (areaRate !== undefined ? areaCm2 / (areaRate * machinability) : 0)
    );
  }, 0);
  const parts = kind === "cnc_turning" ? 1 : milledPartsOf(report).length;
  const setups =
    kind === "cnc_turning" ? 2 : milledPartsOf(report).reduce((sum, part) => sum + part.setups, 0);
  // Copies of one part in a file (a plate of identical prints) are one program run several times: the
  // fixture, zero and tools of each setup are set once for all copies, and one first article is
  // measured; each copy is still loaded and inspected on its own (decision 0125).
  const copies = kind === "cnc_milling" && parts > 1 && report.shells?.identicalParts === true ? parts : 1;
  const programmedParts = parts / copies;
  const fixtureSetups = copies > 1 ? Math.max(...milledPartsOf(report).map((part) => part.setups)) : setups;
  const learning = learningCurveAverage(quantity, parameters.learningRate ?? 1, 0.7);
  const cycle = (minutes: number) => minutes * tolerance.machiningFactor * learning;
  const chucked = { minutesPerPart: setups * (parameters.loadMinutesPerSetup ?? 2), orderMinutes: 0 };
  const loading =
    kind === "cnc_turning" ? cheaperTurningLoad(chucked, turnedDiameterMm(report), input, cycle) : chucked;
  const loadMinutes = loading.minutesPerPart;

  const lines: CostLine[] = [
    {
      kind: "material",
      label: `${material.name}, ${stockLabel}`,
      centsPerPart: centsForMaterial(stockCm3, material),
    },
  ];
  const operation = (label: string, minutes: number) => {
    if (minutes <= 0) return;
    const perPart = cycle(minutes);
    lines.push({
      kind: "machine",
      label,
      minutesPerPart: perPart,
      centsPerPart: centsForMinutes(perPart, rate),
    });
  };
  operation(
    kind === "cnc_turning"
      ? `Turning ${format(removedCm3)} cm³ of stock`
      : `Roughing ${format(removedCm3)} cm³ of stock`,
    roughingMinutes,
  );
  operation(`Finishing ${format(report.areaMm2 / 100)} cm² of surface`, finishingMinutes);
  operation(`Drilling ${features.holes.length} hole${features.holes.length === 1 ? "" : "s"}`, holeMinutes);
  operation(
    `Live tooling on ${liveMilledFaces.length} face${liveMilledFaces.length === 1 ? "" : "s"}`,
    liveToolingMinutes,
  );
  operation(
    loading.orderMinutes > 0
      ? "Bar feeding, part-off and sub-spindle hand-over (both ends in one cycle)"
      : `Loading and unloading, ${setups} setup${setups === 1 ? "" : "s"}`,
    loadMinutes,
  );
  // Each different part of a file of several is programmed and inspected on its own.
  const orderSetupMinutes =
    fixtureSetups * process.setupMinutes +
    loading.orderMinutes +
    (parameters.programmingMinutes ?? 0) * programmedParts;
  const programmed =
    copies > 1
      ? ` of one part, run for its ${copies} identical copies`
      : parts === 1
        ? ""
        : ` of ${parts} parts`;
  lines.push({
    kind: "setup",
    label: `${fixtureSetups} setup${fixtureSetups === 1 ? "" : "s"}${loading.orderMinutes > 0 ? ", bar feeder" : ""} and programming${programmed} (${format(orderSetupMinutes)} min per order)`,
    centsPerPart: centsForMinutes(orderSetupMinutes, rate) / quantity,
  });
  // A lot is measured by ISO 2859-1's sample, not piece by piece (every piece of a small lot).
  const measured = inspectedShare(quantity);
  const inspectionMinutes =
    (parameters.inspectionMinutesPerPart ?? 0) * tolerance.machiningFactor * measured * parts +
    ((parameters.firstArticleMinutes ?? 0) / quantity) * programmedParts;
  lines.push({
    kind: "inspection",
    label:
      measured < 1
        ? `Inspection (${format(measured * 100)} % of the lot by ISO 2859-1, and a first article per order)`
        : "Inspection (each part, and a first article per order)",
    minutesPerPart: inspectionMinutes,
    centsPerPart: centsForMinutes(inspectionMinutes, data.labourRateCentsPerHour),
  });
  const cycleMinutes = lines.reduce(
    (sum, line) => sum + (line.kind === "machine" ? (line.minutesPerPart ?? 0) : 0),
    0,
  );
  return { lines, orderMachineHours: (cycleMinutes * quantity + orderSetupMinutes) / 60 };
}

/**
 * What is milled: the file's one part, or each of its separate parts (box and the setups it needs alone).
 */
function milledPartsOf(report: CostInput["report"]): { sizeMm: number[]; setups: number }[] {
  const separate = report.separateParts;
  if (!separate || separate.length < 2)
    return [{ sizeMm: sizeOf(report), setups: Math.max(1, report.features.setups.length) }];
  return separate.map((part) => {
    const box = report.bodies[part.body]!.bbox;
    return { sizeMm: box.max.map((value, axis) => value - box.min[axis]!), setups: part.setups };
  });
}

/** Finishing area rate for machinability 1.0: cutting speed × feed where given (turning), cm²/min. */
function finishingCm2PerMinuteOf(parameters: CostInput["process"]["parameters"]): number {
  const speed = parameters.finishingCuttingSpeedMPerMinute;
  const feed = parameters.finishingFeedMmPerRevolution;
  // m/min × mm = 1,000 mm²/min per unit = 10 cm²/min.
  if (speed !== undefined && feed !== undefined) return speed * feed * 10;
  return parameters.finishingCm2PerMinute ?? 25;
}

/** The turned part's largest diameter (the bar it is cut from before the allowance), mm. */
function turnedDiameterMm(report: CostInput["report"]): number {
  return report.features.maxDiameterMm ?? Math.max(...sizeOf(report));
}

/**
 * How a lathe is fed, whichever costs the part less at this quantity: blanks chucked by hand for each
 * end, or (when the bar fits the feeder) a bar feeder with a sub-spindle that takes the part over for
 * its back side in the same cycle, which costs a longer setup per order. A shop sets a batch of 1,000
 * up on bar; a single part it chucks (decision 0117). The cheaper of two unit costs that never rise
 * with quantity never rises either.
 */
function cheaperTurningLoad(
  chucked: { minutesPerPart: number; orderMinutes: number },
  diameterMm: number,
  input: CostInput,
  cycle: (minutes: number) => number,
): { minutesPerPart: number; orderMinutes: number } {
  const parameters = input.process.parameters;
  const maxDiameter = parameters.barFeedMaxDiameterMm;
  if (maxDiameter === undefined || diameterMm > maxDiameter) return chucked;
  const barFed = {
    minutesPerPart: parameters.barFeedMinutesPerPart ?? 0,
    orderMinutes: parameters.barFeedSetupMinutes ?? 0,
  };
  const minutesPerPart = (load: typeof chucked) =>
    cycle(load.minutesPerPart) + load.orderMinutes / input.quantity;
  return minutesPerPart(barFed) < minutesPerPart(chucked) ? barFed : chucked;
}

/** Parting-off width plus facing allowance on bar, mm. */
const partingWidthMm = 3;

/** Stocked flat-bar and plate sizes (thickness and width), mm: EN 755-5 / EN 10058 preferred sizes. */
const plateSizesMm = [
  5, 6, 8, 10, 12, 15, 16, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 180,
  200, 220, 250, 280, 300,
];

/** Stocked round-bar diameters, mm: EN 754-3 / EN 10060 preferred sizes. */
const barDiametersMm = [
  6, 8, 10, 12, 14, 15, 16, 18, 20, 22, 25, 28, 30, 32, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 90, 100, 110,
  120, 130, 140, 150, 160, 180, 200, 220, 250, 280, 300,
];

/** The next stocked size up; beyond the table, the next 50 mm (sawn from plate or larger bar). */
export function roundUpToStockSize(mm: number, sizes: number[]): number {
  return sizes.find((size) => size >= mm - 1e-9) ?? Math.ceil(mm / 50) * 50;
}
