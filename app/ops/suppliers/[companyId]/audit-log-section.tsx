import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { auditChecklistItems } from "@/lib/audits/audit-checklist";
import type { loadSupplierAudits } from "@/lib/audits/load-supplier-audits";
import styles from "./supplier.module.css";

const actionLabels: Record<string, string> = {
  "company.created": "Applied",
  "audit.open": "Audit opened",
  "audit.checklist": "Checklist saved",
  "audit.evidence": "Evidence added",
  "audit.decide": "Audit decided",
  "supplier.suspend": "Suspended",
  "supplier.reinstate": "Reinstated",
  "supplier.probation.start": "Probation started",
  "supplier.probation.lift": "Probation lifted",
  "file.read": "File read",
  "offer.accept": "Offer accepted",
  "offer.reject": "Offer rejected",
  "offer.expire": "Offer expired",
};

/** What the keys of the audit log's data mean, for people. */
const detailLabels: Record<string, string> = {
  ...auditChecklistItems,
  reason: "Reason",
  decision: "Decision",
  expiresOn: "Valid until",
  conditions: "Conditions",
  note: "Note",
  companyStatus: "Status",
  fileName: "File",
  file: "File",
  description: "Shows",
  purpose: "Purpose",
  withdrawnOffers: "Offers withdrawn",
  acceptedJobs: "Accepted jobs kept",
  suspendedReason: "Was suspended for",
  maxOrderValue: "Largest job value",
  maxOpenJobs: "Open jobs at most",
  conditionsDueOn: "Conditions due by",
};

/** Codes such as APPROVED_WITH_CONDITIONS or "PENDING_AUDIT → ACTIVE" in words; other text as it is. */
const readableValue = (value: string) =>
  value.replace(/\b[A-Z]+(?:_[A-Z]+)+\b|\b[A-Z]{4,}\b/g, (code) => code.replaceAll("_", " ").toLowerCase());

/** One line of an audit-log entry's data, for people: "Reason: …; Offers withdrawn: 2". */
function logDetails(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  return (
    Object.entries(data as Record<string, unknown>)
      // Ids mean nothing to a reader; the entry's subject is shown beside it.
      .filter(([key, value]) => value !== null && value !== "" && !/Ids?$/.test(key))
      .map(([key, value]) => {
        const label = detailLabels[key] ?? key;
        if (Array.isArray(value)) return `${label}: ${value.length}`;
        if (value && typeof value === "object")
          return `${label}: ${Object.entries(value)
            .map(([inner, innerValue]) => `${inner} ${String(innerValue)}`)
            .join(", ")}`;
        return `${label}: ${readableValue(String(value))}`;
      })
      .join("; ")
  );
}

type LogEntry = Awaited<ReturnType<typeof loadSupplierAudits>>["logEntries"][number];

/** Everything recorded about the supplier (application, audits, suspensions, offers, file reads), newest first. */
export function AuditLogSection({ logEntries }: { logEntries: LogEntry[] }) {
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Audit log</h2>
      {logEntries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <StackTable columns={["When", "Who", "What", "Details"]}>
          {logEntries.map((entry) => (
            <tr key={entry.id.toString()}>
              <td data-label="When">{formatMoment(entry.createdAt)}</td>
              <td data-label="Who">{entry.actor?.name ?? "the platform"}</td>
              <td data-label="What">{actionLabels[entry.action] ?? entry.action}</td>
              <td data-label="Details" className={styles.logDetails}>
                {logDetails(entry.data)}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </section>
  );
}
