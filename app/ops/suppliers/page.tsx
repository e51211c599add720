import type { Metadata } from "next";
import { requireArea } from "@/lib/auth/current-user";
import { processLabels } from "@/lib/catalogue/process-labels";
import { listSuppliers } from "@/lib/companies/list-suppliers";
import { getPrisma } from "@/lib/db/prisma";

export const metadata: Metadata = { title: "Suppliers" };

const statusLabels = { ACTIVE: "Active", PENDING_AUDIT: "Awaiting audit", SUSPENDED: "Suspended", REJECTED: "Rejected" };

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
          <table>
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
                  <td>{supplier.name}</td>
                  <td>
                    <span className={`badge ${supplier.status}`}>{statusLabels[supplier.status]}</span>
                  </td>
                  <td>
                    {supplier.city ? `${supplier.city}, ` : ""}
                    {supplier.countryCode}
                  </td>
                  <td>
                    <div className="tags">
                      {supplier.processes.map((process) => (
                        <span key={process} className="tag">
                          {processLabels[process]}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td>{supplier.machineHoursPerWeek}</td>
                  <td>{supplier.latestAudit?.expiresAt?.toISOString().slice(0, 10) ?? "not audited"}</td>
                  <td>
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
