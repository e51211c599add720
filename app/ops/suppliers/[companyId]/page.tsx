import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadSupplierAudits } from "@/lib/audits/load-supplier-audits";
import { companyStatusLabels } from "@/lib/companies/company-status-labels";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { loadSupplierProfile } from "@/lib/suppliers/load-supplier-profile";
import { ApplicationSection } from "./application-section";
import { AuditHistorySection } from "./audit-history-section";
import { AuditLogSection } from "./audit-log-section";
import { OpenAuditSection } from "./open-audit-section";
import { ProbationSection } from "./probation-section";
import { loadSupplierProbation } from "@/lib/probation/load-supplier-probation";
import { ReinstateForm, SuspendForm } from "./supplier-forms";
import { badgeClass } from "@/app/_components/status-badge";
import pageHeadStyles from "@/app/_components/page-head.module.css";

export const metadata: Metadata = { title: "Partner · operations" };

const doneSchema = z.enum([
  "approved",
  "rejected",
  "audit-opened",
  "suspended",
  "reinstated",
  "probation-lifted",
]);
const searchSchema = z.object({
  done: doneSchema.optional().catch(undefined),
  withdrawn: z.coerce.number().int().min(0).optional().catch(undefined),
});

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
  const [profile, { audits, logEntries }, probation, viesCheck] = await Promise.all([
    loadSupplierProfile(db, companyId),
    loadSupplierAudits(db, companyId),
    loadSupplierProbation(db, companyId),
    // The holder VIES named when it last confirmed the VAT ID (decision 0122).
    company.vatNumber
      ? db.vatIdCheck.findFirst({
          where: { vatId: company.vatNumber, outcome: "CONFIRMED" },
          orderBy: { createdAt: "desc" },
          select: { traderName: true },
        })
      : null,
  ]);
  const openAudit = audits.find((audit) => audit.status === "PENDING" || audit.status === "IN_PROGRESS");
  const decidedAudits = audits.filter((audit) => audit !== openAudit);
  const notices: Record<z.infer<typeof doneSchema>, string> = {
    approved: `The audit is approved: ${company.name} is active and receives offers that fit it. The partner is told by e-mail.`,
    rejected: `The audit is rejected and ${company.name} is told the reasons by e-mail.`,
    "audit-opened": "A new audit is open: work through its checklist below.",
    suspended: `${company.name} is suspended. ${withdrawn ?? 0} open offer${withdrawn === 1 ? " was" : "s were"} withdrawn and go${withdrawn === 1 ? "es" : ""} to the next partner.`,
    reinstated: `${company.name} is active again and receives offers.`,
    "probation-lifted": `${company.name} is off probation: it receives offers of any value and number again.`,
  };
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
      <div className={pageHeadStyles.pageHead}>
        <h1>{company.name}</h1>
        <span className={badgeClass(company.status)} data-testid="supplier-status">
          {companyStatusLabels[company.status]}
        </span>
      </div>
      {company.status === "SUSPENDED" && company.suspendedReason && (
        <p className="alert error">Suspended: {company.suspendedReason}</p>
      )}

      <ApplicationSection
        company={company}
        profile={profile}
        viesTraderName={viesCheck?.traderName ?? null}
      />
      <OpenAuditSection companyId={company.id} openAudit={openAudit} today={profile.today} />
      <ProbationSection companyId={company.id} probation={probation} today={profile.today} />
      <AuditHistorySection decidedAudits={decidedAudits} />

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

      <AuditLogSection logEntries={logEntries} />
    </>
  );
}
