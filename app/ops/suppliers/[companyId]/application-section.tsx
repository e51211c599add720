import Link from "next/link";
import { formatIsoDay, formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import { certificateKindLabels } from "@/lib/suppliers/add-certificate";
import { sheetMachineCapability } from "@/lib/suppliers/sheet-machine-capability";
import type { SupplierProfile } from "@/lib/suppliers/load-supplier-profile";
import factsStyles from "@/app/_components/facts.module.css";
import styles from "./supplier.module.css";
import opsStyles from "../../ops.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import type { VatIdStatus } from "@/lib/db/generated/enums";
import { TaxFacts } from "./tax-facts";
import { countryName } from "@/lib/documents/country-name";

/** The company fields the application section shows. */
interface AppliedCompany {
  id: string;
  name: string;
  createdAt: Date;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
  vatNumber: string | null;
  vatIdStatus: VatIdStatus | null;
  vatIdConfirmedAt: Date | null;
  taxNumber: string | null;
  smallBusiness: boolean;
  website: string | null;
  applicationReferences: string | null;
  users: { name: string; email: string }[];
}

/** What the supplier applied with and keeps in its profile: facts, processes, materials, machines, certificates. */
export function ApplicationSection({
  company,
  profile,
  viesTraderName,
}: {
  company: AppliedCompany;
  profile: SupplierProfile;
  /** The holder VIES named for the VAT ID, where it names one. */
  viesTraderName: string | null;
}) {
  const chosenMaterials = profile.materialGroups.flatMap((group) =>
    group.materials.filter((material) => material.chosen),
  );
  return (
    <section aria-labelledby="application-heading">
      <h2 id="application-heading">Application</h2>
      <div className="card">
        <dl className={factsStyles.facts}>
          <dt>Applied</dt>
          <dd>{formatMoment(company.createdAt)}</dd>
          <dt>Location</dt>
          <dd>
            {[
              company.addressLine,
              [company.postalCode, company.city].filter(Boolean).join(" "),
              countryName(company.countryCode),
            ]
              .filter(Boolean)
              .join(", ")}
          </dd>
          <TaxFacts
            company={{ ...company, countryCode: company.countryCode ?? "" }}
            viesTraderName={viesTraderName}
          />
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
              <span key={user.email} className={styles.contact}>
                {user.name} ({user.email})
              </span>
            ))}
          </dd>
          <dt>References</dt>
          <dd className={styles.prewrap}>{company.applicationReferences ?? "none given"}</dd>
          <dt>Processes</dt>
          <dd>
            <div className={opsStyles.tags}>
              {profile.offeredProcesses.map((process) => (
                <span key={process} className={opsStyles.tag}>
                  {processLabel(process)} · {profile.machineHoursPerWeek[process] ?? 0} h/week
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
      {profile.machines.length === 0 && profile.sheetMachines.length === 0 && (
        <p className="muted">No machines declared yet.</p>
      )}
      {profile.sheetMachines.length > 0 && (
        <StackTable columns={["Laser or press brake", "Kind", "Capability"]}>
          {profile.sheetMachines.map((machine) => (
            <tr key={machine.id}>
              <td data-label="Laser or press brake">{machine.name}</td>
              <td data-label="Kind">{machine.kind === "LASER" ? "Laser" : "Press brake"}</td>
              <td data-label="Capability">{sheetMachineCapability(machine)}</td>
            </tr>
          ))}
        </StackTable>
      )}
      {profile.machines.length > 0 && (
        <StackTable columns={["Machine", "Process", "Count", "Work envelope"]}>
          {profile.machines.map((machine) => (
            <tr key={machine.id}>
              <td data-label="Machine">{machine.name}</td>
              <td data-label="Process">{processLabel(machine.process)}</td>
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
                {formatIsoDay(certificate.validFrom)} to {formatIsoDay(certificate.validUntil)}{" "}
                {certificate.validity !== "valid" && (
                  <span className={badgeClass(certificate.validity === "expired" ? "REJECTED" : "PENDING")}>
                    {certificate.validity}
                  </span>
                )}
              </td>
              <td data-label="Scan">
                {certificate.hasFile ? (
                  <a href={`/api/v1/supplier/certificates/${certificate.id}/file`}>{certificate.fileName}</a>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </section>
  );
}
