import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import {
  auditCheckMethods,
  auditCheckResults,
  auditChecklistItemKeys,
  auditChecklistItems,
} from "@/lib/audits/audit-checklist";
import { loadSupplierAudits, type SupplierAudit } from "@/lib/audits/load-supplier-audits";
import { requirePermission } from "@/lib/auth/require-permission";
import { processLabels } from "@/lib/catalogue/process-labels";
import { companyStatusLabels } from "@/lib/companies/company-status-labels";
import type { AuditStatus } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { certificateKindLabels } from "@/lib/suppliers/add-certificate";
import { loadSupplierProfile } from "@/lib/suppliers/load-supplier-profile";
import { shift } from "@/quoting-engine/pricing/working-days";
import {
  ChecklistForm,
  DecisionForm,
  EvidenceForm,
  OpenAuditForm,
  ReinstateForm,
  SuspendForm,
} from "./supplier-forms";

export const metadata: Metadata = { title: "Partner · operations" };

const auditStatusLabels: Record<AuditStatus, string> = {
  PENDING: "Not started",
  IN_PROGRESS: "In progress",
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  REJECTED: "Rejected",
};

const doneSchema = z.enum(["approved", "rejected", "audit-opened", "suspended", "reinstated"]);
const searchSchema = z.object({
  done: doneSchema.optional().catch(undefined),
  withdrawn: z.coerce.number().int().min(0).optional().catch(undefined),
});

const actionLabels: Record<string, string> = {
  "company.created": "Applied",
  "audit.open": "Audit opened",
  "audit.checklist": "Checklist saved",
  "audit.evidence": "Evidence added",
  "audit.decide": "Audit decided",
  "supplier.suspend": "Suspended",
  "supplier.reinstate": "Reinstated",
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

function EvidenceList({ audit }: { audit: SupplierAudit }) {
  if (audit.evidence.length === 0) return <p className="muted">No evidence kept yet.</p>;
  return (
    <ul className="evidence-list">
      {audit.evidence.map((file) => (
        <li key={file.id}>
          <a href={`/api/v1/ops/audit-evidence/${file.id}`}>{file.fileName}</a> — {file.description}{" "}
          <span className="hint">
            ({Math.max(1, Math.round(file.sizeBytes / 1024))} KB, {file.uploadedBy?.name ?? "someone"},{" "}
            {formatMoment(file.createdAt)})
          </span>
        </li>
      ))}
    </ul>
  );
}

function ChecklistSummary({ audit }: { audit: SupplierAudit }) {
  return (
    <ul className="checklist-summary">
      {auditChecklistItemKeys.map((key) => {
        const item = audit.checklist[key];
        return (
          <li key={key}>
            <span className={`badge check-${item.result}`}>{auditCheckResults[item.result]}</span>{" "}
            {auditChecklistItems[key]}
            {item.method && <span className="hint"> · {auditCheckMethods[item.method].toLowerCase()}</span>}
            {item.note && <span className="hint"> · {item.note}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export default async function OpsSupplierPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId } = await params;
  await requirePermission("ops.console", `/ops/suppliers/${companyId}`);
  const { done, withdrawn } = searchSchema.parse(await searchParams);
  const db = getPrisma();
  const company = await orNotFoundPage(
    db.company
      .findFirst({
        where: { id: companyId, kind: "SUPPLIER" },
        include: {
          users: { orderBy: { createdAt: "asc" }, select: { name: true, email: true, role: true } },
        },
      })
      .then((found) => {
        if (!found) throw new AppError("not_found", "There is no such partner.");
        return found;
      }),
  );
  const [profile, { audits, logEntries }] = await Promise.all([
    loadSupplierProfile(db, companyId),
    loadSupplierAudits(db, companyId),
  ]);
  const openAudit = audits.find((audit) => audit.status === "PENDING" || audit.status === "IN_PROGRESS");
  const decidedAudits = audits.filter((audit) => audit !== openAudit);
  const notices: Record<z.infer<typeof doneSchema>, string> = {
    approved: `The audit is approved: ${company.name} is active and receives offers that fit it. The partner is told by e-mail.`,
    rejected: `The audit is rejected and ${company.name} is told the reasons by e-mail.`,
    "audit-opened": "A new audit is open: work through its checklist below.",
    suspended: `${company.name} is suspended. ${withdrawn ?? 0} open offer${withdrawn === 1 ? " was" : "s were"} withdrawn and go${withdrawn === 1 ? "es" : ""} to the next partner.`,
    reinstated: `${company.name} is active again and receives offers.`,
  };
  const chosenMaterials = profile.materialGroups.flatMap((group) =>
    group.materials.filter((material) => material.chosen),
  );
  return (
    <>
      {done && (
        <div className="alert ok confirmation" role="status">
          {notices[done]}
        </div>
      )}
      <p className="muted">
        <Link href="/ops/suppliers">← Partners</Link>
      </p>
      <div className="page-head">
        <h1>{company.name}</h1>
        <span className={`badge ${company.status}`} data-testid="supplier-status">
          {companyStatusLabels[company.status]}
        </span>
      </div>
      {company.status === "SUSPENDED" && company.suspendedReason && (
        <p className="alert error">Suspended: {company.suspendedReason}</p>
      )}

      <section aria-labelledby="application-heading">
        <h2 id="application-heading">Application</h2>
        <div className="card">
          <dl className="facts">
            <dt>Applied</dt>
            <dd>{formatDay(company.createdAt)}</dd>
            <dt>Location</dt>
            <dd>
              {[
                company.addressLine,
                [company.postalCode, company.city].filter(Boolean).join(" "),
                company.countryCode,
              ]
                .filter(Boolean)
                .join(", ")}
            </dd>
            <dt>VAT number</dt>
            <dd>{company.vatNumber ?? "not given"}</dd>
            <dt>Website</dt>
            <dd>
              {company.website ? (
                <a href={company.website} rel="noopener noreferrer nofollow" target="_blank">
                  {company.website}
                </a>
              ) : (
                "not given"
              )}
            </dd>
            <dt>Contacts</dt>
            <dd>
              {company.users.map((user) => (
                <span key={user.email} className="contact">
                  {user.name} ({user.email})
                </span>
              ))}
            </dd>
            <dt>References</dt>
            <dd className="prewrap">{company.applicationReferences ?? "none given"}</dd>
            <dt>Processes</dt>
            <dd>
              <div className="tags">
                {profile.offeredProcesses.map((process) => (
                  <span key={process} className="tag">
                    {processLabels[process]} · {profile.machineHoursPerWeek[process] ?? 0} h/week
                  </span>
                ))}
              </div>
            </dd>
            <dt>Materials</dt>
            <dd>{chosenMaterials.map((material) => material.name).join(", ") || "none chosen"}</dd>
          </dl>
          <p className="hint">
            <Link href={`/ops/quality/${company.id}`}>Quality scorecard of {company.name}</Link>
          </p>
        </div>
        <h3>Machines</h3>
        {profile.machines.length === 0 ? (
          <p className="muted">No machines declared yet.</p>
        ) : (
          <StackTable columns={["Machine", "Process", "Count", "Work envelope"]}>
            {profile.machines.map((machine) => (
              <tr key={machine.id}>
                <td data-label="Machine">{machine.name}</td>
                <td data-label="Process">{processLabels[machine.process]}</td>
                <td data-label="Count">{machine.count}</td>
                <td data-label="Work envelope">
                  {machine.envelopeXMm} × {machine.envelopeYMm} × {machine.envelopeZMm} mm
                </td>
              </tr>
            ))}
          </StackTable>
        )}
        <h3>Certificates</h3>
        {profile.certificates.length === 0 ? (
          <p className="muted">No certificates on file.</p>
        ) : (
          <StackTable columns={["Certificate", "Number", "Issuer", "Valid", "Scan"]}>
            {profile.certificates.map((certificate) => (
              <tr key={certificate.id}>
                <td data-label="Certificate">{certificateKindLabels[certificate.kind]}</td>
                <td data-label="Number">{certificate.number}</td>
                <td data-label="Issuer">{certificate.issuer}</td>
                <td data-label="Valid">
                  {certificate.validFrom} to {certificate.validUntil}{" "}
                  {certificate.validity !== "valid" && (
                    <span className={`badge ${certificate.validity === "expired" ? "REJECTED" : "PENDING"}`}>
                      {certificate.validity}
                    </span>
                  )}
                </td>
                <td data-label="Scan">
                  {certificate.hasFile ? (
                    <a href={`/api/v1/supplier/certificates/${certificate.id}/file`}>
                      {certificate.fileName}
                    </a>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit</h2>
        {openAudit ? (
          <div className="card">
            <p className="hint">
              {openAudit.purpose} · {auditStatusLabels[openAudit.status].toLowerCase()} · opened{" "}
              {formatDay(openAudit.createdAt)}
              {openAudit.auditor ? ` · auditor ${openAudit.auditor.name}` : " · no auditor yet"}
            </p>
            <h3>Checklist</h3>
            <ChecklistForm
              companyId={company.id}
              auditId={openAudit.id}
              checklist={openAudit.checklist}
              shownAt={openAudit.updatedAt.toISOString()}
            />
            <h3>Evidence</h3>
            <EvidenceList audit={openAudit} />
            <EvidenceForm companyId={company.id} auditId={openAudit.id} />
            <h3>Decision</h3>
            <DecisionForm
              companyId={company.id}
              auditId={openAudit.id}
              minExpiresOn={shift(profile.today, 1)}
              defaultExpiresOn={shift(profile.today, 365)}
            />
          </div>
        ) : (
          <div className="card">
            <p className="muted">
              No audit is open. Open one to renew an approval, to reinstate the partner or to follow up on
              conditions.
            </p>
            <OpenAuditForm companyId={company.id} />
          </div>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Audit history</h2>
        {decidedAudits.length === 0 ? (
          <p className="muted">No decided audits yet.</p>
        ) : (
          decidedAudits.map((audit) => (
            <details key={audit.id} className="card decision">
              <summary>
                <span className={`badge ${audit.status}`}>{auditStatusLabels[audit.status]}</span>{" "}
                {audit.purpose}
                {audit.decidedAt && ` · decided ${formatDay(audit.decidedAt)}`}
                {audit.auditor && ` by ${audit.auditor.name}`}
                {audit.expiresAt && ` · valid until ${audit.expiresAt.toISOString().slice(0, 10)}`}
              </summary>
              {audit.conditions && (
                <p>
                  <strong>Conditions:</strong> <span className="prewrap">{audit.conditions}</span>
                </p>
              )}
              {audit.decisionNote && (
                <p>
                  <strong>Auditor&apos;s note:</strong> <span className="prewrap">{audit.decisionNote}</span>
                </p>
              )}
              <ChecklistSummary audit={audit} />
              <EvidenceList audit={audit} />
            </details>
          ))
        )}
      </section>

      {(company.status === "ACTIVE" || company.status === "SUSPENDED") && (
        <section aria-labelledby="suspension-heading">
          <h2 id="suspension-heading">{company.status === "ACTIVE" ? "Suspend" : "Lift the suspension"}</h2>
          <div className="card">
            {company.status === "ACTIVE" ? (
              <SuspendForm companyId={company.id} name={company.name} />
            ) : (
              <ReinstateForm companyId={company.id} />
            )}
          </div>
        </section>
      )}

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
                <td data-label="Details" className="log-details">
                  {logDetails(entry.data)}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>
    </>
  );
}
