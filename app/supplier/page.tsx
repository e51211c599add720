import type { Metadata } from "next";
import { requireArea } from "@/lib/auth/current-user";
import { processLabels } from "@/lib/catalogue/process-labels";
import { getPrisma } from "@/lib/db/prisma";

export const metadata: Metadata = { title: "Supplier portal" };

const statusMessages = {
  ACTIVE: {
    tone: "ok",
    text: "Your company is audited and active: you receive offers that fit your capabilities and capacity.",
  },
  PENDING_AUDIT: {
    tone: "warn",
    text: "Thank you for applying. Our operations team will contact you to schedule the audit; you receive offers once it is approved.",
  },
  SUSPENDED: { tone: "error", text: "Your company is suspended and receives no offers." },
  REJECTED: { tone: "error", text: "Your application was not approved." },
} as const;

export default async function SupplierHomePage() {
  const user = await requireArea("supplier", "/supplier");
  const company = await getPrisma().company.findUniqueOrThrow({
    where: { id: user.companyId },
    include: {
      supplierProcesses: { orderBy: { process: "asc" } },
      weeklyCapacities: true,
      certificates: { orderBy: { validUntil: "asc" } },
    },
  });
  const status = statusMessages[company.status];
  return (
    <>
      <h1>{company.name}</h1>
      <div className={`alert ${status.tone}`} role="status">
        {status.text}
        {company.status === "SUSPENDED" && company.suspendedReason
          ? ` Reason: ${company.suspendedReason}`
          : ""}
      </div>
      <h2>Capabilities</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Process</th>
              <th>Capacity (machine hours per week)</th>
            </tr>
          </thead>
          <tbody>
            {company.supplierProcesses.map(({ process }) => (
              <tr key={process}>
                <td>{processLabels[process]}</td>
                <td>
                  {company.weeklyCapacities.find((row) => row.process === process)?.machineHoursPerWeek ??
                    "not set yet"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Certificates</h2>
      {company.certificates.length === 0 ? (
        <p className="muted">No certificates on file yet. The auditor will ask for them.</p>
      ) : (
        <ul>
          {company.certificates.map((certificate) => (
            <li key={certificate.id}>
              {certificate.kind.replaceAll("_", " ")} ({certificate.issuer}), valid until{" "}
              {certificate.validUntil.toISOString().slice(0, 10)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
