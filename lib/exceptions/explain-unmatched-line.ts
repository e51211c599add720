import type { DecisionRecord } from "../matching/list-match-decisions";
import { skipReasonLabel } from "../matching/skip-reason-labels";
import { formatIsoDay } from "@/lib/dates/format-day";
import { countryName } from "../documents/country-name";

/** What the explanation needs of the line. */
export interface UnmatchedLine {
  processName: string;
  /** The material's name ("Aluminium 6061-T6"): operations read names, never codes. */
  materialName: string;
  /** The country the order asks production in, if any (its ISO code; the sentence names the country). */
  requiredCountryCode: string | null;
}

type Skipped = DecisionRecord["skipped"][number];

/** How many partners were skipped per rule: the decision's counts, or the listed skips in older records. */
function countsByRule(record: Partial<DecisionRecord>): Map<string, number> {
  const counts = new Map<string, number>();
  if (record.skippedByRule && Object.keys(record.skippedByRule).length > 0) {
    for (const [rule, count] of Object.entries(record.skippedByRule)) if (count > 0) counts.set(rule, count);
    return counts;
  }
  for (const entry of record.skipped ?? [])
    counts.set(entry.rule ?? "", (counts.get(entry.rule ?? "") ?? 0) + 1);
  return counts;
}

const notCapableRules = new Set(["not-active", "audit", "remake"]);
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** "declined" or "let it expire", from the skip's reason "had this line's offer already (rejected)". */
function howAnswered(skipped: Skipped[]): { declined: number; expired: number; other: number } {
  const tally = { declined: 0, expired: 0, other: 0 };
  for (const entry of skipped.filter((skip) => skip.rule === "offered-before")) {
    if (/\((rejected)\)/i.test(entry.reason)) tally.declined++;
    else if (/\((expired)\)/i.test(entry.reason)) tally.expired++;
    else tally.other++;
  }
  return tally;
}

/** A short phrase per rule for a line where partners failed for different reasons. */
/** "12 Jan 2027", the last production day the matcher looked at, or "the delivery date" if unrecorded. */
function lastProductionDay(record: Partial<DecisionRecord>): string {
  const lastDay = record.productionWindow?.lastDay;
  return lastDay ? formatIsoDay(lastDay) : "the delivery date";
}

function phraseFor(
  rule: string,
  count: number,
  record: Partial<DecisionRecord>,
  line: UnmatchedLine,
): string {
  const suppliers = `${count} ${plural(count, "partner", "partners")}`;
  switch (rule) {
    case "offered-before":
      return `${suppliers} already had the offer`;
    case "capacity":
      return `${suppliers} at capacity until ${lastProductionDay(record)}`;
    case "order-value":
      return `${suppliers} outside ${plural(count, "its", "their")} order value limits`;
    case "material":
      return `${suppliers} without ${line.materialName}`;
    default:
      return `${suppliers}: ${skipReasonLabel(rule).toLowerCase()}`;
  }
}

/**
 * Why nobody took an unmatched line, in one sentence for operations, from the line's newest match
 * decision: when every capable partner failed the same rule the sentence names it ("under every partner's
 * minimum order value", "no partner offers SLS in PA12", "all capable partners are at capacity until
 * 2027-01-12", "every capable partner declined"); otherwise it counts the partners per reason.
 */
export function explainUnmatchedLine(record: Partial<DecisionRecord> | null, line: UnmatchedLine): string {
  if (!record) return "The matcher has not recorded a decision for this line yet.";
  const allCounts = countsByRule(record);
  // Partners waiting for their audit, suspended, or whose parts are being remade are not capable of the
  // line: naming them beside the real reason would hide it.
  const counts = new Map([...allCounts].filter(([rule]) => !notCapableRules.has(rule)));
  const skipped = record.skipped ?? [];
  const capable = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (capable === 0 && allCounts.size > 0)
    return `No partner offering ${line.processName} is active with a valid audit.`;
  if (capable === 0)
    return `No partner offers ${line.processName}${record.notOfferingProcess ? ` (${record.notOfferingProcess} ${plural(record.notOfferingProcess, "partner does", "partners do")} not)` : ""}.`;
  if (counts.size !== 1)
    return `None of the ${capable} capable partners can take it: ${[...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([rule, count]) => phraseFor(rule, count, record, line))
      .join(", ")}.`;
  const [rule] = [...counts.keys()] as [string];
  const listed = skipped.filter((entry) => entry.rule === rule);
  switch (rule) {
    case "material":
      return `No partner offers ${line.processName} in ${line.materialName}.`;
    case "order-value": {
      const below = listed.filter((entry) => /below its minimum/.test(entry.reason)).length;
      if (listed.length > 0 && below === listed.length)
        return `The job is under every capable partner's minimum order value (e.g. ${listed[0]!.name}: ${listed[0]!.reason}).`;
      if (listed.length > 0 && below === 0)
        return "The job is above every capable partner's maximum order value.";
      return "The job is outside every capable partner's order value limits.";
    }
    case "capacity":
      return `All capable partners are at capacity until ${lastProductionDay(record)}, the last production day.`;
    case "offered-before": {
      const { declined, expired } = howAnswered(listed);
      if (declined > 0 && declined === listed.length) return "Every capable partner declined.";
      if (expired > 0 && expired === listed.length) return "Every capable partner let the offer expire.";
      return "Every capable partner had the offer already and declined it or let it expire.";
    }
    case "country":
      return `No partner offering ${line.processName} produces in ${line.requiredCountryCode ? countryName(line.requiredCountryCode) : "the country the order asks for"}.`;
    case "certificate":
      return "No partner offering the process holds the certificates the order asks for.";
    case "envelope":
      return "The part fits none of the capable partners' machines.";
    case "margin":
      return "Every capable partner's price leaves no margin on the buyer's price.";
    default:
      return `Every capable partner was skipped: ${skipReasonLabel(rule).toLowerCase()}.`;
  }
}
