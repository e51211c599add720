import type { AnalysisReport } from "../analysis/analyze-file";
import { formatNumber as mm } from "../analysis/format-number";
import { processNameInSentence, type ManufacturingProcess } from "../catalogue/catalogue";
import type { MaterialData } from "./pricing-data";
import type { QuoteOptions } from "./quote-part";

/**
 * Why a quote for these options goes to an engineer instead of an instant price: the part does not fit the
 * process's largest machine, the material is not made that way, the tolerance is tighter than ISO 2768-f,
 * or a manufacturability error for this process and material.
 */
export function manualReasons(
  report: AnalysisReport,
  options: QuoteOptions,
  material: MaterialData,
  envelopeMm: [number, number, number],
): string[] {
  const reasons: string[] = [];
  const tooLarge = exceedsEnvelope(report, options.process, envelopeMm);
  if (tooLarge) reasons.push(tooLarge);
  if (!material.processes.includes(options.process))
    reasons.push(
      `${material.name} is not offered for ${processNameInSentence(options.process)}; no partner of ours makes it that way.`,
    );
  if (options.tolerance === "tighter")
    reasons.push("Tolerances tighter than ISO 2768-f are priced by our engineers from your drawing.");
  for (const finding of report.dfm)
    if (
      finding.process === options.process &&
      finding.severity === "error" &&
      !envelopeCodes.includes(finding.code) && // checked above against the current machines
      (!finding.materialClass || finding.materialClass === material.family)
    )
      reasons.push(finding.message);
  return reasons;
}

const envelopeCodes = ["larger_than_work_envelope", "larger_than_build_volume"];

/**
 * Findings no engineer can price away, because the process cannot make the part as drawn at all: a lathe
 * turns only solids of revolution, and no cutter reaches a sealed void. A buyer is sent to another
 * process instead of to a manual quote.
 */
const cannotMakeCodes = ["not_rotational", "sealed_void"];

/**
 * What a finding means for the buyer's price: a warning prices in, an error of cannotMakeCodes sends the
 * buyer to another process, any other error sends the quote to an engineer (see manualReasons).
 */
export function findingOutcome(finding: { code: string; severity: "error" | "warning" }) {
  if (finding.severity === "warning") return "warning" as const;
  return cannotMakeCodes.includes(finding.code) ? ("cannot_make" as const) : ("engineer_quote" as const);
}

/** The messages of this process's findings that mean it cannot make the part at all (see cannotMakeCodes). */
export function cannotMakeReasons(
  report: AnalysisReport,
  options: Pick<QuoteOptions, "process">,
  material: Pick<MaterialData, "family">,
): string[] {
  return report.dfm
    .filter(
      (finding) =>
        finding.process === options.process &&
        finding.severity === "error" &&
        cannotMakeCodes.includes(finding.code) &&
        (!finding.materialClass || finding.materialClass === material.family),
    )
    .map((finding) => finding.message);
}

/** Why the part does not fit the process's largest machine, or undefined when it does. */
function exceedsEnvelope(
  report: AnalysisReport,
  process: ManufacturingProcess,
  envelopeMm: [number, number, number],
): string | undefined {
  if (process === "cnc_turning") {
    if (report.features.stock.kind !== "bar") return undefined; // not a lathe part: a rule says so
    const [diameter = 0, length = 0] = report.features.stock.sizeMm;
    return diameter > envelopeMm[0] || length > envelopeMm[2]
      ? `The part needs ⌀${mm(diameter)} × ${mm(length)} mm of bar; the largest lathe turns ⌀${mm(envelopeMm[0])} × ${mm(envelopeMm[2])} mm.`
      : undefined;
  }
  const room = [...envelopeMm].sort((a, b) => b - a);
  // A file of several separate parts is made part by part: each must fit (decision 0110).
  const boxes =
    report.separateParts && report.separateParts.length > 1
      ? report.separateParts.map((part) => report.bodies[part.body]!.bbox)
      : [report.bbox];
  for (const box of boxes) {
    const size = [0, 1, 2].map((axis) => box.max[axis]! - box.min[axis]!).sort((a, b) => b - a);
    if (size.some((value, axis) => value > room[axis]!))
      return `${boxes.length > 1 ? "One of its parts" : "The part"} measures ${size.map(mm).join(" × ")} mm; the largest ${processNameInSentence(process)} machine takes ${room.map(mm).join(" × ")} mm.`;
  }
  return undefined;
}
