import { formatDeadlineDay } from "@/lib/dates/format-deadline";
import { formatMoment } from "@/app/_components/format-dates";
import {
  auditCheckMethods,
  auditCheckResults,
  auditChecklistItemKeys,
  auditChecklistItems,
} from "@/lib/audits/audit-checklist";
import type { SupplierAudit } from "@/lib/audits/load-supplier-audits";
import { auditStatusLabels } from "@/lib/audits/audit-status-labels";
import { EvidenceList } from "./evidence-list";
import disclosuresStyles from "@/app/_components/disclosures.module.css";
import styles from "./supplier.module.css";
import { badgeClass } from "@/app/_components/status-badge";

const checkStyles: Record<keyof typeof auditCheckResults, string | undefined> = {
  open: styles.checkOpen,
  passed: styles.checkPassed,
  failed: styles.checkFailed,
};

function ChecklistSummary({ audit }: { audit: SupplierAudit }) {
  return (
    <ul className={styles.checklistSummary}>
      {auditChecklistItemKeys.map((key) => {
        const item = audit.checklist[key];
        return (
          <li key={key}>
            <span className={`${badgeClass()} ${checkStyles[item.result]}`}>
              {auditCheckResults[item.result]}
            </span>{" "}
            {auditChecklistItems[key]}
            {item.method && <span className="hint"> · {auditCheckMethods[item.method].toLowerCase()}</span>}
            {item.note && <span className="hint"> · {item.note}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** The supplier's decided audits, each with its conditions, note, checklist and evidence to expand. */
export function AuditHistorySection({ decidedAudits }: { decidedAudits: SupplierAudit[] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Audit history</h2>
      {decidedAudits.length === 0 ? (
        <p className="muted">No decided audits yet.</p>
      ) : (
        decidedAudits.map((audit) => (
          <details key={audit.id} className={`card ${disclosuresStyles.decision}`}>
            <summary>
              <span className={badgeClass(audit.status)}>{auditStatusLabels[audit.status]}</span>{" "}
              {audit.purpose}
              {audit.decidedAt && ` · decided ${formatMoment(audit.decidedAt)}`}
              {audit.auditor && ` by ${audit.auditor.name}`}
              {audit.expiresAt && ` · valid until ${formatDeadlineDay(audit.expiresAt)}`}
            </summary>
            {audit.conditions && (
              <p>
                <strong>Conditions:</strong> <span className={styles.prewrap}>{audit.conditions}</span>
              </p>
            )}
            {audit.decisionNote && (
              <p>
                <strong>Auditor&apos;s note:</strong>{" "}
                <span className={styles.prewrap}>{audit.decisionNote}</span>
              </p>
            )}
            <ChecklistSummary audit={audit} />
            <EvidenceList audit={audit} />
          </details>
        ))
      )}
    </section>
  );
}
