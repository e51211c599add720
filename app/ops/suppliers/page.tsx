import type { Metadata } from "next";
import Link from "next/link";
import { formatDay, formatIsoDay } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { expiryWarningDays, listExpiringApprovals } from "@/lib/audits/list-expiring-approvals";
import { requirePermission } from "@/lib/auth/require-permission";
import { certificateShortName } from "@/lib/catalogue/certificate-names";
import { companyStatusLabels } from "@/lib/companies/company-status-labels";
import { listSuppliers } from "@/lib/companies/list-suppliers";
import { getPrisma } from "@/lib/db/prisma";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import { formatBerlinDay } from "@/lib/dates/format-deadline";
import styles from "./suppliers.module.css";
import opsStyles from "../ops.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import { countryName } from "@/lib/documents/country-name";

export const metadata: Metadata = { title: "Partners" };

function inDays(daysLeft: number): string {
  if (daysLeft < 0) return `expired ${-daysLeft} day${daysLeft === -1 ? "" : "s"} ago`;
  if (daysLeft === 0) return "expires today";
  return `in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`;
}

export default async function OpsSuppliersPage() {
  await requirePermission("ops.console", "/ops/suppliers");
  const db = getPrisma();
  const [suppliers, expiring] = await Promise.all([listSuppliers(db), listExpiringApprovals(db)]);
  const awaitingAudit = suppliers.filter((supplier) => supplier.status === "PENDING_AUDIT");
  const expiringCount = expiring.audits.length + expiring.certificates.length;
  return (
    <>
      <h1>Partners</h1>
      <p className="muted">
        {suppliers.length} partners · {awaitingAudit.length} awaiting audit · {expiringCount} renewal
        {expiringCount === 1 ? "" : "s"} due within {expiryWarningDays} days
      </p>

      {awaitingAudit.length > 0 && (
        <section aria-labelledby="applications-heading">
          <h2 id="applications-heading">Applications to audit</h2>
          <ul className={styles.linkList}>
            {awaitingAudit.map((supplier) => (
              <li key={supplier.id}>
                <Link href={`/ops/suppliers/${supplier.id}`}>Audit {supplier.name}</Link>{" "}
                <span className="hint">
                  {[supplier.city, countryName(supplier.countryCode)].filter(Boolean).join(", ")} ·{" "}
                  {supplier.processes.map((p) => processLabel(p)).join(", ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="expiring-heading">
        <h2 id="expiring-heading">Expiring within {expiryWarningDays} days</h2>
        {expiringCount === 0 ? (
          <p className="muted">No audit or certificate expires in the next {expiryWarningDays} days.</p>
        ) : (
          <div className="table-wrap">
            <table className="stack" aria-label="Audits and certificates expiring soon">
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">What</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Renewal</th>
                </tr>
              </thead>
              <tbody>
                {expiring.audits.map((audit) => (
                  <tr key={`audit-${audit.companyId}`}>
                    <td data-label="Partner">
                      <Link href={`/ops/suppliers/${audit.companyId}`}>{audit.name}</Link>
                    </td>
                    <td data-label="What">Audit approval</td>
                    <td data-label="Expires">
                      {formatIsoDay(audit.expiresOn)} ({inDays(audit.daysLeft)})
                    </td>
                    <td data-label="Renewal">{audit.renewalOpen ? "audit open" : "no audit open yet"}</td>
                  </tr>
                ))}
                {expiring.certificates.map((certificate) => (
                  <tr key={`certificate-${certificate.id}`}>
                    <td data-label="Partner">
                      <Link href={`/ops/suppliers/${certificate.companyId}`}>{certificate.name}</Link>
                    </td>
                    <td data-label="What">
                      {certificateShortName(certificate.kind)} {certificate.number}
                    </td>
                    <td data-label="Expires">
                      {formatIsoDay(certificate.validUntil)} ({inDays(certificate.daysLeft)})
                    </td>
                    <td data-label="Renewal">the partner uploads the renewed certificate</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="all-heading">
        <h2 id="all-heading">All partners</h2>
        {suppliers.length === 0 ? (
          <p className="muted">No partner has applied yet.</p>
        ) : (
          <StackTable
            className={`suppliers ${styles.allSuppliers}`}
            columns={[
              "Partner",
              "Status",
              "Location",
              "Processes",
              "Hours a week",
              "Audit valid until",
              "Next certificate expiry",
            ]}
          >
            {suppliers.map((supplier) => (
              <tr key={supplier.id}>
                <td data-label="Partner">
                  <Link href={`/ops/suppliers/${supplier.id}`}>{supplier.name}</Link>
                </td>
                <td data-label="Status">
                  <span className={badgeClass(supplier.status)}>{companyStatusLabels[supplier.status]}</span>
                </td>
                <td data-label="Location">
                  {[supplier.city, countryName(supplier.countryCode)].filter(Boolean).join(", ")}
                </td>
                <td data-label="Processes">
                  <div className={opsStyles.tags}>
                    {supplier.processes.map((process) => (
                      <span key={process} className={opsStyles.tag}>
                        {processLabel(process)}
                      </span>
                    ))}
                  </div>
                </td>
                <td data-label="Hours a week">{supplier.machineHoursPerWeek}</td>
                <td data-label="Audit valid until">
                  {supplier.latestAudit?.expiresAt
                    ? formatBerlinDay(supplier.latestAudit.expiresAt)
                    : "not audited"}
                </td>
                <td data-label="Next certificate expiry">
                  {supplier.nextCertificateExpiry
                    ? `${certificateShortName(supplier.nextCertificateExpiry.kind)} · ${formatDay(supplier.nextCertificateExpiry.validUntil)}`
                    : "none on file"}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>
    </>
  );
}
