import { z } from "zod";
import { manufacturingProcesses, processNames } from "../../quoting-engine/catalogue/catalogue";
import type { Database } from "../db/prisma";
import { formatNumber, numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

/** "" (or nothing) is the rule for all processes. */
export const marginProcessInput = z
  .union([z.enum(manufacturingProcesses), z.literal("")], { error: "Choose a process." })
  .optional()
  .transform((value) => value || undefined);

const marginSchema = z.object({
  process: marginProcessInput,
  minQuantity: numberInput("the smallest quantity", 1, 1_000_000, { integer: true }),
  marginPercent: numberInput("the margin in percent", 0, 200),
  reason: reasonInput,
});

/** "Margin CNC milling from 10 pcs" or "Margin all processes from 1 pc". */
export function marginRuleLabel(rule: {
  process?: (typeof manufacturingProcesses)[number];
  minQuantity: number;
}) {
  const processName = rule.process ? processNames[rule.process] : "all processes";
  return `${processName} from ${rule.minQuantity} ${rule.minQuantity === 1 ? "pc" : "pcs"}`;
}

/**
 * Sets the margin of one rule (a process, or all processes, from a quantity up), adding the rule when
 * there is none yet, as a new pricing settings version. The engine applies a process's own rule before
 * the rule for all processes, and of those the one with the largest quantity the order reaches.
 */
export async function setMargin(db: Database, actor: { userId: string }, input: unknown) {
  const { process, minQuantity, marginPercent, reason } = marginSchema.parse(input);
  return savePricingVersion(db, actor, reason, ({ document }) => {
    const index = document.margins.findIndex(
      (rule) => rule.process === process && rule.minQuantity === minQuantity,
    );
    const label = marginRuleLabel({ process, minQuantity });
    const rule = { ...(process ? { process } : {}), minQuantity, marginPercent };
    if (index === -1)
      return {
        summary: `Margin ${label} added at ${formatNumber(marginPercent)} %`,
        document: { ...document, margins: [...document.margins, rule] },
      };
    const before = document.margins[index]!.marginPercent;
    return {
      summary: `Margin ${label} ${formatNumber(before)} % → ${formatNumber(marginPercent)} %`,
      document: { ...document, margins: document.margins.map((old, at) => (at === index ? rule : old)) },
    };
  });
}
