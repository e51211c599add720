import { skipReasonLabel } from "@/lib/matching/skip-reason-labels";
import styles from "./matching.module.css";

export interface SkippedRow {
  companyId?: string;
  name: string;
  rule?: string;
  reason: string;
}

/**
 * Why partners were passed over, grouped by reason (skip-reason-labels.ts): the partners that do not
 * offer the process are one line with their count, never a row each; every other reason is a group
 * with its count that opens to the partners and their own explanation.
 */
export function SkippedSummary({
  skipped,
  skippedByRule,
  notOfferingProcess,
  processName,
}: {
  skipped: SkippedRow[];
  skippedByRule?: Record<string, number>;
  notOfferingProcess: number;
  processName: string;
}) {
  const groups = new Map<string, SkippedRow[]>();
  for (const entry of skipped) {
    const rule = entry.rule ?? "";
    groups.set(rule, [...(groups.get(rule) ?? []), entry]);
  }
  for (const rule of Object.keys(skippedByRule ?? {})) if (!groups.has(rule)) groups.set(rule, []);
  if (groups.size === 0 && notOfferingProcess === 0) return null;
  return (
    <ul className={styles.skipped} data-testid="skipped-summary">
      {notOfferingProcess > 0 && (
        <li data-testid="not-offering-process">
          {notOfferingProcess} partner{notOfferingProcess === 1 ? " does" : "s do"} not offer {processName}
        </li>
      )}
      {[...groups].map(([rule, entries]) => {
        const count = Math.max(skippedByRule?.[rule] ?? 0, entries.length);
        return (
          <li key={rule || "other"}>
            <details>
              <summary>
                {skipReasonLabel(rule || null)}: {count} partner{count === 1 ? "" : "s"}
              </summary>
              <ul>
                {entries.map((entry, index) => (
                  <li key={`${entry.companyId ?? entry.name}-${index}`}>
                    <strong>{entry.name}</strong>: {entry.reason}
                  </li>
                ))}
                {count > entries.length && (
                  <li className="hint">and {count - entries.length} more not listed in the record</li>
                )}
              </ul>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
