import { formatMoment } from "@/app/_components/format-dates";
import type { SupplierAudit } from "@/lib/audits/load-supplier-audits";
import { auditStatusLabels } from "@/lib/audits/audit-status-labels";
import { shift, type IsoDate } from "@/quoting-engine/pricing/working-days";
import { probationDefaults } from "@/lib/probation/probation-defaults";
import { EvidenceList } from "./evidence-list";
import { ChecklistForm, DecisionForm, EvidenceForm, OpenAuditForm } from "./supplier-forms";

/** The open audit with its checklist, evidence and decision forms, or the form to open one. */
export function OpenAuditSection({
  companyId,
  openAudit,
  today,
}: {
  companyId: string;
  openAudit: SupplierAudit | undefined;
  today: IsoDate;
}) {
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit</h2>
      {openAudit ? (
        <div className="card">
          <p className="hint">
            {openAudit.purpose} · {auditStatusLabels[openAudit.status].toLowerCase()} · opened{" "}
            {formatMoment(openAudit.createdAt)}
            {openAudit.auditor ? ` · auditor ${openAudit.auditor.name}` : " · no auditor yet"}
          </p>
          <h3>Checklist</h3>
          <ChecklistForm
            companyId={companyId}
            auditId={openAudit.id}
            checklist={openAudit.checklist}
            shownAt={openAudit.updatedAt.toISOString()}
          />
          <h3>Evidence</h3>
          <EvidenceList audit={openAudit} />
          <EvidenceForm companyId={companyId} auditId={openAudit.id} />
          <h3>Decision</h3>
          <DecisionForm
            companyId={companyId}
            auditId={openAudit.id}
            minExpiresOn={shift(today, 1)}
            defaultExpiresOn={shift(today, 365)}
            defaultDueOn={shift(today, probationDefaults.conditionsDueInDays)}
          />
        </div>
      ) : (
        <div className="card">
          <p className="muted">
            No audit is open. Open one to renew an approval, to reinstate the partner or to follow up on
            conditions.
          </p>
          <OpenAuditForm companyId={companyId} />
        </div>
      )}
    </section>
  );
}
