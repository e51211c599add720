import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { describeAuditEntry } from "@/lib/audit-log/describe-audit-entry";
import type { loadSupplierAudits } from "@/lib/audits/load-supplier-audits";
import styles from "./supplier.module.css";

type LogEntry = Awaited<ReturnType<typeof loadSupplierAudits>>["logEntries"][number];

/**
 * Everything recorded about the supplier (application, audits, profile and capacity changes, suspensions,
 * offers, file reads), newest first, each entry one sentence (lib/audit-log/describe-audit-entry.ts).
 */
export function AuditLogSection({ logEntries }: { logEntries: LogEntry[] }) {
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Audit log</h2>
      {logEntries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <StackTable columns={["When", "Who", "What happened"]}>
          {logEntries.map((entry) => (
            <tr key={entry.id.toString()} data-testid="audit-log-entry">
              <td data-label="When">{formatMoment(entry.createdAt)}</td>
              <td data-label="Who">{entry.actor?.name ?? "the platform"}</td>
              <td data-label="What happened" className={styles.logDetails}>
                {describeAuditEntry(entry)}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </section>
  );
}
