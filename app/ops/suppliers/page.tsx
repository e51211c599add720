import type { Metadata } from "next";
import { requireArea } from "@/lib/auth/current-user";
import { processLabels } from "@/lib/catalogue/process-labels";
import { listSuppliers } from "@/lib/companies/list-suppliers";
import { getPrisma } from "@/lib/db/prisma";

export const metadata: Metadata = { title: "Suppliers" };

const statusLabels = {
  ACTIVE: "Active",
  PENDING_AUDIT: "Awaiting audit",
  SUSPENDED: "Suspended",
  REJECTED: "Rejected",
};

export default async function OpsSuppliersPage() {
  await requireArea("ops", "/ops/suppliers");
  const suppliers = await listSuppliers(getPrisma());
  const awaitingAudit = suppliers.filter((supplier) => supplier.status === "PENDING_AUDIT").length;
  return (
    <>
      <h1>Suppliers</h1>
      <p className="muted">
        {suppliers.length} partners · {awaitingAudit} awaiting audit
      </p>
      {suppliers.length === 0 ? (
        <p className="muted">No partner has applied yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>Partner</th>
                <th>Status</th>
                <th>Location</th>
                <th>Processes</th>
                <th>Capacity (h/week)</th>
                <th>Audit valid until</th>
                <th>Next certificate expiry</th>
              </tr>
            </thead>
            <tbody>
              {suppliers.map((supplier) => (
                <tr key={supplier.id}>
                  <td data-label="Partner">{supplier.name}</td>
                  <td data-label="Status">
                    <span className={`badge ${supplier.status}`}>{statusLabels[supplier.status]}</span>
                  </td>
                  <td data-label="Location">
                    {supplier.city ? `${supplier.city}, ` : ""}
                    {supplier.countryCode}
                  </td>
                  <td data-label="Processes">
                    <div className="tags">
                      {supplier.processes.map((process) => (
                        <span key={process} className="tag">
                          {processLabels[process]}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td data-label="Capacity (h/week)">{supplier.machineHoursPerWeek}</td>
                  <td data-label="Audit valid until">
                    {supplier.latestAudit?.expiresAt?.toISOString().slice(0, 10) ?? "not audited"}
                  </td>
                  <td data-label="Next certificate expiry">
                    {supplier.nextCertificateExpiry
                      ? `${supplier.nextCertificateExpiry.kind.replaceAll("_", " ")} · ${supplier.nextCertificateExpiry.validUntil.toISOString().slice(0, 10)}`
                      : "none on file"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
