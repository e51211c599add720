import type { Metadata } from "next";
import { formatIsoDay } from "@/app/_components/format-dates";
import { calendarDaysBetween, type IsoDate } from "@/quoting-engine/pricing/working-days";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { ManufacturingProcess } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { certificateKindLabels } from "@/lib/suppliers/add-certificate";
import { loadSupplierProfile, type SupplierProfile } from "@/lib/suppliers/load-supplier-profile";
import { LocationForm, MaterialsForm, ProcessesForm } from "./profile-forms";
import { TaxDetailsSection } from "./tax-details-section";
import { SheetMachinesSection } from "./sheet-machines-section";
import { ProbationSection } from "../probation-notice";
import { AddCertificateForm, AddMachineForm, BlockDaysForm, RemoveButton } from "./profile-list-forms";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import twoCardsStyles from "@/app/_components/two-cards.module.css";
import styles from "./profile.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import { formatWeekdayDay } from "@/lib/dates/format-day";

export const metadata: Metadata = { title: "Profile" };

const euros = (cents: number | null) => (cents === null ? "" : String(cents / 100));
const listOf = (processes: ManufacturingProcess[]) =>
  processes.map((process) => processLabel(process)).join(", ");

function CertificateBadge({
  certificate,
  today,
}: {
  certificate: SupplierProfile["certificates"][number];
  today: IsoDate;
}) {
  if (certificate.validity === "expired") return <span className={badgeClass("expired")}>Expired</span>;
  if (certificate.validity === "valid") return null;
  const days = calendarDaysBetween(today, certificate.validUntil);
  return (
    <span className={badgeClass("expiring")}>
      {days === 0 ? "Expires today" : `Expires in ${days} day${days === 1 ? "" : "s"}`}
    </span>
  );
}

export default async function SupplierProfilePage() {
  const user = await requirePermission("supplier.portal", "/supplier/profile");
  const profile = await loadSupplierProfile(getPrisma(), user.companyId);
  const { company, today } = profile;
  const editable = may(user.role, "supplier.profile.edit");
  // Decision 0041: production staff block holidays, finance staff keep the tax details.
  const capacityEditable = may(user.role, "supplier.capacity.edit");
  const taxEditable = may(user.role, "supplier.taxDetails.edit");
  const offeredOptions = profile.offeredProcesses.map((process) => ({
    value: process,
    label: processLabel(process),
  }));
  return (
    <>
      <h1>Profile of {company.name}</h1>
      <p className="muted">
        The matcher offers you a job only when it fits everything here: a process and material you work with,
        a machine that holds the part, the certificates the buyer asks for, your order values and free machine
        hours before the delivery date.
      </p>
      {!editable && (
        <div className="alert warn" role="status">
          You see this profile read-only
          {capacityEditable ? ", except the blocked days" : taxEditable ? ", except the tax details" : ""}. An
          admin of {company.name} keeps it up to date.
        </div>
      )}
      <div className={styles.profile}>
        <ProbationSection companyId={company.id} />
        <div className={twoCardsStyles.twoCards}>
          <section className="card" aria-labelledby="location-heading">
            <h2 id="location-heading">Location and order values</h2>
            <LocationForm
              editable={editable}
              saved={{
                countryCode: company.countryCode,
                region: company.region ?? "",
                city: company.city ?? "",
                postalCode: company.postalCode ?? "",
                addressLine: company.addressLine ?? "",
                latitude: company.latitude === null ? "" : String(company.latitude),
                longitude: company.longitude === null ? "" : String(company.longitude),
                minOrderValueEuros: euros(company.minOrderValueCents),
                maxOrderValueEuros: euros(company.maxOrderValueCents),
              }}
            />
          </section>
          <section className="card" aria-labelledby="processes-heading">
            <h2 id="processes-heading">Processes and weekly capacity</h2>
            <ProcessesForm
              editable={editable}
              processes={Object.values(ManufacturingProcess).map((process) => ({
                process,
                label: processLabel(process),
                offered: profile.offeredProcesses.includes(process),
                machineHoursPerWeek: String(profile.machineHoursPerWeek[process] ?? ""),
              }))}
            />
          </section>
        </div>

        <TaxDetailsSection company={company} editable={taxEditable} />

        <section className="card" aria-labelledby="materials-heading">
          <h2 id="materials-heading">Materials</h2>
          {profile.materialGroups.length === 0 ? (
            <p className="muted">
              Save the processes you offer first; the materials they use then appear here.
            </p>
          ) : (
            <MaterialsForm
              editable={editable}
              groups={profile.materialGroups.map((group) => ({
                family: group.family,
                processesLabel: listOf(group.processes),
                materials: group.materials.map((material) => ({
                  id: material.id,
                  name: material.name,
                  processesLabel:
                    group.processes.length > 1 && material.processes.length < group.processes.length
                      ? listOf(material.processes)
                      : null,
                  chosen: material.chosen,
                })),
              }))}
            />
          )}
        </section>

        <section className="card" aria-labelledby="machines-heading">
          <h2 id="machines-heading">Machines</h2>
          {profile.machines.length === 0 ? (
            <p className="muted">No machines yet. Without one, the matcher cannot check that a part fits.</p>
          ) : (
            <div className="table-wrap">
              <table className="stack">
                <thead>
                  <tr>
                    <th scope="col">Machine</th>
                    <th scope="col">Process</th>
                    <th scope="col">Count</th>
                    <th scope="col">Envelope X × Y × Z</th>
                    {editable && (
                      <th scope="col">
                        <span className="visually-hidden">Remove</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {profile.machines.map((machine) => (
                    <tr key={machine.id}>
                      <td data-label="Machine">{machine.name}</td>
                      <td data-label="Process">{processLabel(machine.process)}</td>
                      <td data-label="Count">{machine.count}</td>
                      <td data-label="Envelope">
                        {machine.envelopeXMm} × {machine.envelopeYMm} × {machine.envelopeZMm} mm
                      </td>
                      {editable && (
                        <td data-label="">
                          <RemoveButton idName="machineId" id={machine.id} label={`Remove ${machine.name}`} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {editable &&
            (offeredOptions.length > 0 ? (
              <>
                <h3 id="add-machine-heading">Add a machine</h3>
                <AddMachineForm processes={offeredOptions} />
              </>
            ) : (
              <p className="muted">Save the processes you offer first, then add their machines.</p>
            ))}
        </section>

        <SheetMachinesSection companyId={user.companyId} editable={editable} />

        <section className="card" aria-labelledby="certificates-heading">
          <h2 id="certificates-heading">Certificates</h2>
          {profile.certificates.length === 0 ? (
            <p className="muted">
              No certificates yet. Buyers can require ISO 9001 and others for their orders.
            </p>
          ) : (
            <div className="table-wrap">
              <table className="stack">
                <thead>
                  <tr>
                    <th scope="col">Certificate</th>
                    <th scope="col">Number</th>
                    <th scope="col">Issued by</th>
                    <th scope="col">Valid</th>
                    <th scope="col">File</th>
                    {editable && (
                      <th scope="col">
                        <span className="visually-hidden">Remove</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {profile.certificates.map((certificate) => (
                    <tr key={certificate.id}>
                      <td data-label="Certificate">{certificateKindLabels[certificate.kind]}</td>
                      <td data-label="Number">{certificate.number}</td>
                      <td data-label="Issued by">{certificate.issuer}</td>
                      <td data-label="Valid">
                        <span className={styles.validPeriod}>
                          {formatIsoDay(certificate.validFrom)} – {formatIsoDay(certificate.validUntil)}
                          <CertificateBadge certificate={certificate} today={today} />
                        </span>
                      </td>
                      <td data-label="File">
                        {certificate.hasFile && certificate.fileName ? (
                          <a
                            href={`/api/v1/supplier/certificates/${certificate.id}/file`}
                            className="file-name"
                          >
                            {certificate.fileName}
                          </a>
                        ) : (
                          <span className="muted">None</span>
                        )}
                      </td>
                      {editable && (
                        <td data-label="">
                          <RemoveButton
                            idName="certificateId"
                            id={certificate.id}
                            label={`Remove ${certificateKindLabels[certificate.kind]} ${certificate.number}`}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {editable && (
            <>
              <h3 id="add-certificate-heading">Add a certificate</h3>
              <AddCertificateForm
                kinds={Object.entries(certificateKindLabels).map(([value, label]) => ({ value, label }))}
              />
            </>
          )}
        </section>

        <section className="card" aria-labelledby="blocked-heading">
          <h2 id="blocked-heading">Holidays and blocked days</h2>
          <p className="muted">
            No machine hours are planned on these days; each takes a fifth off that week&apos;s capacity.
          </p>
          {profile.blockedDays.length === 0 ? (
            <p className="muted">No days blocked from today on.</p>
          ) : (
            <div className="table-wrap">
              <table className="stack">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Reason</th>
                    {capacityEditable && (
                      <th scope="col">
                        <span className="visually-hidden">Unblock</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {profile.blockedDays.map((blocked) => (
                    <tr key={blocked.id}>
                      <td data-label="Day">{formatWeekdayDay(blocked.day)}</td>
                      <td data-label="Reason">{blocked.reason}</td>
                      {capacityEditable && (
                        <td data-label="">
                          <RemoveButton
                            idName="blockedDayId"
                            id={blocked.id}
                            text="Unblock"
                            label={`Unblock ${formatWeekdayDay(blocked.day)}`}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {capacityEditable && (
            <>
              <h3 id="block-days-heading">Block days</h3>
              <BlockDaysForm today={today} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
